/**
 * Request correlation: every request gets an id that appears in each of its log lines,
 * next to its tenant; a broken database connection is logged as one line, without the
 * driver's stack trace.
 */
@NullMarked
package io.towerline.api.observability;

import org.jspecify.annotations.NullMarked;
