package io.towerline.core.tenancy.catalog;

import io.towerline.core.tenancy.TenantId;

/**
 * Published after a tenant's status change is committed, so caches of tenant state can
 * drop their entry.
 */
public record TenantStatusChanged(TenantId tenant, TenantStatus status) {

}
