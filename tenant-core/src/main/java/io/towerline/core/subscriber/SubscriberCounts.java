package io.towerline.core.subscriber;

import java.util.EnumMap;
import java.util.Map;

import io.towerline.core.tenancy.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many of the bound tenant's subscribers are in each status, in one grouped count;
 * subscribers being deleted are gone for the staff already and are not counted.
 */
@Service
public class SubscriberCounts {

	private final JdbcClient jdbc;

	SubscriberCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every status, 0 for one no subscriber is in. */
	@Transactional(readOnly = true)
	public Map<SubscriberStatus, Long> byStatus() {
		Map<SubscriberStatus, Long> counts = new EnumMap<>(SubscriberStatus.class);
		for (SubscriberStatus status : SubscriberStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc
			.sql("SELECT status, count(*) FROM " + TenantContext.require().schemaName()
					+ ".subscriber WHERE NOT deleting GROUP BY status")
			.query((rs, row) -> counts.put(SubscriberStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

}
