/**
 * Reports over the API: the GraphQL queries, mutation and progress subscription, and the
 * streamed, tenant-checked download of a report's CSV and PDF files.
 */
@NullMarked
package io.towerline.api.report;

import org.jspecify.annotations.NullMarked;
