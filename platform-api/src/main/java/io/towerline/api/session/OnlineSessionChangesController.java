package io.towerline.api.session;

import java.util.UUID;

import io.towerline.api.security.TenantGate;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The live feed of logins and logouts on one router. */
@Controller
class OnlineSessionChangesController {

	private final TenantGate tenants;

	private final Routers routers;

	private final OnlineSessionWatch watch;

	OnlineSessionChangesController(TenantGate tenants, Routers routers, OnlineSessionWatch watch) {
		this.tenants = tenants;
		this.routers = routers;
		this.watch = watch;
	}

	/**
	 * Emits each login and logout on the router from now on, from the trackers' change
	 * feed ({@link OnlineSessionWatch}); the router is looked up first, in the caller's
	 * tenant, so another tenant's router is NOT_FOUND.
	 */
	@SubscriptionMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Flux<OnlineSessionWatch.Change> onlineSessionsChanged(@Argument UUID routerId) {
		TenantId tenant = this.tenants.currentTenant();
		TenantContext.callAs(tenant, () -> this.routers.get(routerId));
		return this.watch.follow(tenant, routerId);
	}

}
