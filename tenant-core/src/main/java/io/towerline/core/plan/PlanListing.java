package io.towerline.core.plan;

import java.util.Map;

import io.towerline.core.paging.KeysetPages;
import io.towerline.core.tenancy.TenantContext;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff's plan list in the order asked, by keyset pages. */
@Service
public class PlanListing {

	private final JdbcClient jdbc;

	private final PlanRepository plans;

	PlanListing(JdbcClient jdbc, PlanRepository plans) {
		this.jdbc = jdbc;
		this.plans = plans;
	}

	@Transactional(readOnly = true)
	public Window<Plan> find(PlanOrder order, boolean descending, ScrollPosition position, int limit) {
		String table = TenantContext.require().schemaName() + ".plan p";
		return KeysetPages.read(this.jdbc, table, "p", "true", Map.of(), order.keys(), descending, position, limit,
				this.plans::findAllById, Plan::id);
	}

}
