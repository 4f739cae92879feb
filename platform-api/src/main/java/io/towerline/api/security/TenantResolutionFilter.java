package io.towerline.api.security;

import java.io.IOException;
import java.util.Optional;

import io.towerline.core.error.ErrorCode;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantContextAccessor;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantStatus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the tenant once per request, from the verified token only, checks it in the
 * catalog and binds it for the rest of the request (data fetchers receive it through
 * context propagation). Always clears it afterwards.
 */
final class TenantResolutionFilter extends OncePerRequestFilter {

	private final TenantStatusCache statuses;

	private final String platformTenant;

	TenantResolutionFilter(TenantStatusCache statuses, String platformTenant) {
		this.statuses = statuses;
		this.platformTenant = platformTenant;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof TowerlineAuthentication caller)) {
			chain.doFilter(request, response);
			return;
		}
		MDC.put(TenantContextAccessor.KEY, caller.tenant());
		try {
			if (this.platformTenant.equals(caller.tenant())) {
				chain.doFilter(request, response);
				return;
			}
			TenantId tenant = TenantId.of(caller.tenant());
			Optional<TenantStatus> status = this.statuses.statusOf(tenant);
			if (status.isEmpty()) {
				ErrorResponses.write(response, HttpServletResponse.SC_FORBIDDEN, ErrorCode.TENANT_UNKNOWN.name(),
						"The tenant of this token is not known");
				return;
			}
			if (status.get() == TenantStatus.SUSPENDED) {
				ErrorResponses.write(response, HttpServletResponse.SC_FORBIDDEN, ErrorCode.TENANT_SUSPENDED.name(),
						"The tenant is suspended; contact the platform operator");
				return;
			}
			if (status.get() != TenantStatus.ACTIVE) {
				ErrorResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
						ErrorCode.TENANT_UNAVAILABLE.name(), "The tenant is not available right now");
				return;
			}
			TenantContext.set(tenant);
			chain.doFilter(request, response);
		}
		finally {
			TenantContext.clear();
			MDC.remove(TenantContextAccessor.KEY);
		}
	}

}
