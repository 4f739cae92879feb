package io.towerline.core.plan;

import io.towerline.core.paging.TableListing;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff's plan list in the order asked, by keyset pages. */
@Service
public class PlanListing {

	private final TableListing<Plan> plans;

	PlanListing(JdbcClient jdbc, PlanRepository plans) {
		this.plans = new TableListing<>(jdbc, "plan", "p", plans::findAllById, Plan::id);
	}

	@Transactional(readOnly = true)
	public Window<Plan> find(PlanOrder order, boolean descending, ScrollPosition position, int limit) {
		return this.plans.page(order.keys(), descending, position, limit);
	}

}
