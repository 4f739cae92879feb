package io.towerline.api.security;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.Tenant;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.core.tenancy.catalog.TenantStatus;
import io.towerline.core.tenancy.catalog.TenantStatusChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tenant statuses for request-time checks, so the catalog is not read on every request.
 * Entries live for a few seconds and are dropped at once when this replica changes a
 * tenant's status; another replica's change is seen within the time to live.
 */
@Component
class TenantStatusCache {

	private final TenantCatalog catalog;

	private final Cache<TenantId, Optional<TenantStatus>> statuses;

	TenantStatusCache(TenantCatalog catalog, SecurityProperties properties) {
		this.catalog = catalog;
		this.statuses = Caffeine.newBuilder()
			.expireAfterWrite(properties.tenantCacheTtl())
			.maximumSize(100_000)
			.build();
	}

	/** The tenant's status, or empty when the tenant is not in the catalog. */
	Optional<TenantStatus> statusOf(TenantId tenant) {
		return this.statuses.get(tenant, (id) -> this.catalog.find(id).map(Tenant::status));
	}

	@EventListener
	void on(TenantStatusChanged event) {
		this.statuses.invalidate(event.tenant());
	}

}
