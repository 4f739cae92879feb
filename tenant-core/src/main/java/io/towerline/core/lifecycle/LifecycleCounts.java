package io.towerline.core.lifecycle;

import io.towerline.core.subscriber.LifecycleState;
import io.towerline.core.tenancy.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many of the bound tenant's subscribers stand where in the lifecycle flow. */
@Service
public class LifecycleCounts {

	private final JdbcClient jdbc;

	LifecycleCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Subscribers expired and within their grace days (served on the grace plan). */
	@Transactional(readOnly = true)
	public long inGrace() {
		String schema = TenantContext.require().schemaName();
		return this.jdbc
			.sql("SELECT count(*) FROM " + schema + ".subscriber_lifecycle l JOIN " + schema
					+ ".subscriber s ON s.id = l.subscriber_id WHERE l.state = ? AND NOT s.deleting")
			.param(LifecycleState.GRACE.name())
			.query(Long.class)
			.single();
	}

}
