package io.towerline.core.router;

import java.util.EnumMap;
import java.util.Map;

import io.towerline.core.tenancy.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many of the bound tenant's routers are in each health status, in one grouped count
 * (a dashboard figure that stays right past any page size).
 */
@Service
public class RouterCounts {

	private final JdbcClient jdbc;

	RouterCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every status, 0 for one no router is in. */
	@Transactional(readOnly = true)
	public Map<RouterStatus, Long> byStatus() {
		Map<RouterStatus, Long> counts = new EnumMap<>(RouterStatus.class);
		for (RouterStatus status : RouterStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc
			.sql("SELECT status, count(*) FROM " + TenantContext.require().schemaName() + ".router GROUP BY status")
			.query((rs, row) -> counts.put(RouterStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

}
