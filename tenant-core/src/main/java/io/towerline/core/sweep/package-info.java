/**
 * Per-tenant sweeps: the one place that walks the active tenants for a recurring task,
 * skips a tenant inside a move's read-only window and keeps one tenant's failure from
 * stopping the rest.
 */
@NullMarked
package io.towerline.core.sweep;

import org.jspecify.annotations.NullMarked;
