/**
 * Tenant placement over PostgreSQL clusters (ADR 0167): copying a tenant's self-contained
 * schema from one server to another.
 */
@NullMarked
package io.towerline.core.tenancy.placement;

import org.jspecify.annotations.NullMarked;
