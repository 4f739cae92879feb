package io.towerline.core.tenancy.catalog;

import io.towerline.core.tenancy.TenantId;

/**
 * Published after a tenant's rate-limit tier change is committed, so caches of the tier
 * (and the buckets sized from it) can drop their entry.
 */
public record TenantTierChanged(TenantId tenant, RateLimitTier tier) {

}
