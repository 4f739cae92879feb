package io.towerline.core.lifecycle;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import io.towerline.core.event.TenantEvent;
import io.towerline.core.subscriber.SubscriberEvents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A subscriber's timeline: every lifecycle event and subscriber change, with who or what
 * caused it, written in the transaction of the change (so there is no change without its
 * entry, and no entry for a change that rolled back).
 */
@Service
public class SubscriberTimeline {

	/** Most entries one read returns. */
	public static final int MAX_ENTRIES = 200;

	private final JdbcClient jdbc;

	SubscriberTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The newest entries first, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<TimelineEntry> of(UUID subscriberId, int limit) {
		return this.jdbc
			.sql("SELECT id, subscriber_id, occurred_at, kind, summary, actor FROM "
					+ LifecyclePolicies.table("subscriber_timeline")
					+ " WHERE subscriber_id = ? ORDER BY occurred_at DESC, id LIMIT ?")
			.params(subscriberId, Math.clamp(limit, 1, MAX_ENTRIES))
			.query((row, n) -> new TimelineEntry(row.getObject("id", UUID.class),
					row.getObject("subscriber_id", UUID.class), row.getTimestamp("occurred_at").toInstant(),
					row.getString("kind"), row.getString("summary"), row.getString("actor")))
			.list();
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void record(TenantEvent event) {
		if (!event.type().startsWith("lifecycle.") && !event.type().startsWith("subscriber.")) {
			return;
		}
		if (SubscriberEvents.DELETED.equals(event.type())) {
			// the entries go with the subscriber
			return;
		}
		String summary = event.data().getOrDefault("summary", event.type());
		this.jdbc
			.sql("INSERT INTO " + event.tenant().schemaName() + ".subscriber_timeline"
					+ " (id, subscriber_id, occurred_at, kind, summary, actor) VALUES (?, ?, ?, ?, ?, ?)")
			.params(event.id(), UUID.fromString(event.subject()), Timestamp.from(event.occurredAt()), event.type(),
					summary.length() > 1000 ? summary.substring(0, 1000) : summary, event.actor().value())
			.update();
	}

}
