/**
 * Request correlation: every request gets an id that appears in each of its log lines,
 * next to its tenant.
 */
@NullMarked
package io.towerline.api.observability;

import org.jspecify.annotations.NullMarked;
