/**
 * Platform writes of a tenant that lives on a cluster other than main (ADR 0183): kept in
 * the tenant's own {@code platform_outbox} in the transaction that makes them, delivered
 * onto main after it commits (and by a sweep after a crash), once.
 */
@NullMarked
package io.towerline.core.platformoutbox;

import org.jspecify.annotations.NullMarked;
