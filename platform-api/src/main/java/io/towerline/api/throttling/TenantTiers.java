package io.towerline.api.throttling;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.Tenant;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.core.tenancy.catalog.TenantTierChanged;

import org.springframework.context.event.EventListener;

/**
 * Tenants' tiers for request-time pricing, cached so the catalog is not read per request;
 * dropped at once when this replica changes a tier.
 */
class TenantTiers {

	private final TenantCatalog catalog;

	private final RateLimitTier platformTier;

	private final Cache<String, RateLimitTier> tiers;

	TenantTiers(TenantCatalog catalog, ThrottlingProperties properties) {
		this.catalog = catalog;
		this.platformTier = properties.platformTier();
		this.tiers = Caffeine.newBuilder().expireAfterWrite(properties.tierCacheTtl()).maximumSize(100_000).build();
	}

	RateLimitTier tierOf(Caller caller) {
		if (caller.platform()) {
			return this.platformTier;
		}
		// the tenant was checked against the catalog when the request came in; one that
		// has
		// vanished since pays the smallest tier
		return this.tiers.get(caller.tenant(),
				(slug) -> this.catalog.find(TenantId.of(slug))
					.map(Tenant::rateLimitTier)
					.orElse(RateLimitTier.STARTER));
	}

	@EventListener
	void on(TenantTierChanged event) {
		this.tiers.invalidate(event.tenant().slug());
	}

}
