package io.towerline.core.drift;

import io.towerline.core.tenancy.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How much drift is open in the bound tenant: OPEN items of each router's latest
 * completed report. Older reports are history (a later check found the router anew), and
 * a failed check has no items, so it must not hide the last report that had some.
 */
@Service
public class DriftCounts {

	private final JdbcClient jdbc;

	DriftCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public long openItems() {
		String schema = TenantContext.require().schemaName();
		return this.jdbc
			.sql("SELECT count(*) FROM " + schema + ".drift_item i WHERE i.state = 'OPEN'"
					+ " AND i.report_id IN (SELECT DISTINCT ON (router_id) id FROM " + schema
					+ ".drift_report WHERE status = 'COMPLETED' ORDER BY router_id, checked_at DESC, id DESC)")
			.query(Long.class)
			.single();
	}

}
