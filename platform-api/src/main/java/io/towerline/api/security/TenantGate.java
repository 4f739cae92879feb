package io.towerline.api.security;

import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.tenancy.MissingTenantException;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantStatus;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The tenant of the current caller where no request filter ran (graphql-ws
 * subscriptions): the same checks as {@link TenantResolutionFilter}, from the verified
 * token only.
 */
@Component
public class TenantGate {

	private final TenantStatusCache statuses;

	private final SecurityProperties properties;

	TenantGate(TenantStatusCache statuses, SecurityProperties properties) {
		this.statuses = statuses;
		this.properties = properties;
	}

	/**
	 * The caller's tenant, checked to be known and active.
	 * @throws DomainException with TENANT_REQUIRED, TENANT_UNKNOWN, TENANT_SUSPENDED or
	 * TENANT_UNAVAILABLE
	 */
	public TenantId currentTenant() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof TowerlineAuthentication caller)
				|| this.properties.platformTenant().equals(caller.tenant())) {
			throw new MissingTenantException();
		}
		TenantId tenant = TenantId.of(caller.tenant());
		TenantStatus status = this.statuses.statusOf(tenant)
			.orElseThrow(() -> new DomainException(ErrorCode.TENANT_UNKNOWN, "The tenant of this token is not known"));
		if (status == TenantStatus.SUSPENDED) {
			throw new DomainException(ErrorCode.TENANT_SUSPENDED, "The tenant is suspended");
		}
		if (status != TenantStatus.ACTIVE) {
			throw new DomainException(ErrorCode.TENANT_UNAVAILABLE, "The tenant is not available right now");
		}
		return tenant;
	}

}
