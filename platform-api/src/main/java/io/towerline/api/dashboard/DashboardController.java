package io.towerline.api.dashboard;

import io.towerline.core.dashboard.TenantSummaries;
import io.towerline.core.dashboard.TenantSummary;
import io.towerline.core.dashboard.TenantThroughput;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Maps the dashboard's figures: the counts, and the traffic now (a live read of the
 * routers).
 */
@Controller
class DashboardController {

	private final TenantSummaries summaries;

	DashboardController(TenantSummaries summaries) {
		this.summaries = summaries;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	TenantSummary tenantSummary() {
		return this.summaries.current();
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	TenantThroughput tenantThroughput() {
		return this.summaries.throughput();
	}

}
