/**
 * Who the current tenant is: the {@link io.towerline.core.tenancy.TenantId} value type,
 * the one context holder, its propagation across threads, and the Hibernate wiring that
 * maps a tenant to its own PostgreSQL schema and fails closed when no tenant is bound.
 */
@NullMarked
package io.towerline.core.tenancy;

import org.jspecify.annotations.NullMarked;
