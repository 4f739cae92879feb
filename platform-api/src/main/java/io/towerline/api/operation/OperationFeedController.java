package io.towerline.api.operation;

import io.towerline.api.security.TenantGate;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Maps the live feed of the caller's tenant's operations. */
@Controller
class OperationFeedController {

	private final OperationFeed feed;

	private final TenantGate tenants;

	OperationFeedController(OperationFeed feed, TenantGate tenants) {
		this.feed = feed;
		this.tenants = tenants;
	}

	@SubscriptionMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Flux<RouterOperation> operationsChanged(@Argument @Nullable OperationStatus status) {
		return this.feed.follow(this.tenants.currentTenant(), status);
	}

}
