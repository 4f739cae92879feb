/**
 * Moving a tenant's schema from one PostgreSQL cluster to another as a durable job behind
 * a short read-only window (ADR 0174).
 */
@NullMarked
package io.towerline.core.tenantmove;

import org.jspecify.annotations.NullMarked;
