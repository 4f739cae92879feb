package io.towerline.api.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.towerline.api.usage.RequestCounts;
import io.towerline.core.identity.ApiClientRegistry;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.tenancy.catalog.Tenant;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The usage figures of the tenant console. */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class TenantConsoleController {

	private final UserDirectory users;

	private final ApiClientRegistry clients;

	private final RequestCounts requests;

	TenantConsoleController(UserDirectory users, ApiClientRegistry clients, RequestCounts requests) {
		this.users = users;
		this.clients = clients;
		this.requests = requests;
	}

	@BatchMapping(typeName = "Tenant", field = "usage")
	Map<Tenant, TenantUsage> usage(List<Tenant> tenants) {
		Map<Tenant, TenantUsage> usage = new LinkedHashMap<>();
		for (Tenant tenant : tenants) {
			usage.put(tenant,
					new TenantUsage((int) this.users.count(tenant.id()), (int) this.clients.countActive(tenant.id()),
							(int) Math.min(Integer.MAX_VALUE, this.requests.ofTenant(tenant.id().slug()))));
		}
		return usage;
	}

	record TenantUsage(int users, int apiClients, int requests) {

	}

}
