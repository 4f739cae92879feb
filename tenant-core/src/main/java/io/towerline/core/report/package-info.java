/**
 * Reports: usage per subscriber, plan, router or POP over a period, top users,
 * suspensions and restores, and plan changes. A report is generated server-side as a
 * durable db-scheduler job that streams rows from PostgreSQL into a CSV and a PDF file,
 * stored as chunks in the tenant's schema, with progress on the report's row; it is kept
 * for the configured retention and then purged.
 */
@NullMarked
package io.towerline.core.report;

import org.jspecify.annotations.NullMarked;
