package io.towerline.api.session;

import io.towerline.api.security.TenantGate;
import io.towerline.core.session.OnlineSessionFilter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The live table's feed of who is online in the caller's tenant. */
@Controller
class OnlineSessionFeedController {

	private final TenantGate tenants;

	private final OnlineSessionFeed feed;

	OnlineSessionFeedController(TenantGate tenants, OnlineSessionFeed feed) {
		this.tenants = tenants;
		this.feed = feed;
	}

	/**
	 * The caller's tenant only: the feed reads that tenant's schema, so another tenant's
	 * router, POP or plan id in the filter matches nothing.
	 */
	@SubscriptionMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Flux<OnlineSessionBatch> onlineSessionsFeed(@Argument OnlineSessionController.@Nullable FilterInput filter) {
		OnlineSessionFilter criteria = (filter != null) ? filter.criteria() : OnlineSessionFilter.ALL;
		return this.feed.follow(this.tenants.currentTenant(), criteria);
	}

}
