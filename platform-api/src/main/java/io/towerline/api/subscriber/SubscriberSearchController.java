package io.towerline.api.subscriber;

import java.util.UUID;

import io.towerline.api.graphql.Pages;
import io.towerline.core.subscriber.LifecycleState;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberFilter;
import io.towerline.core.subscriber.SubscriberOrder;
import io.towerline.core.subscriber.SubscriberSearch;
import io.towerline.core.subscriber.SubscriberStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Maps the subscriber search (the staff's list with search and filters) and its count.
 */
@Controller
class SubscriberSearchController {

	private final SubscriberSearch search;

	SubscriberSearchController(SubscriberSearch search) {
		this.search = search;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Window<Subscriber> subscriberSearch(@Argument @Nullable String text, @Argument @Nullable SubscriberStatus status,
			@Argument @Nullable UUID planId, @Argument @Nullable UUID routerId,
			@Argument @Nullable LifecycleState lifecycleState, @Argument @Nullable SubscriberOrder orderBy,
			@Argument @Nullable Boolean descending, ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		return this.search.find(new SubscriberFilter(text, status, planId, routerId, lifecycleState),
				(orderBy != null) ? orderBy : SubscriberOrder.USERNAME, Boolean.TRUE.equals(descending),
				page.position(), page.size());
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	long subscriberCount(@Argument @Nullable String text, @Argument @Nullable SubscriberStatus status,
			@Argument @Nullable UUID planId, @Argument @Nullable UUID routerId,
			@Argument @Nullable LifecycleState lifecycleState) {
		return this.search.count(new SubscriberFilter(text, status, planId, routerId, lifecycleState));
	}

}
