package io.towerline.core.lifecycle;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import io.towerline.core.event.BeforeCommit;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.subscriber.SubscriberEvents;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	/**
	 * Gathers the entry when the event is published; the transaction's entries are
	 * written together before it commits.
	 */
	@EventListener
	void record(TenantEvent event) {
		if (!event.type().startsWith("lifecycle.") && !event.type().startsWith("subscriber.")) {
			return;
		}
		if (SubscriberEvents.DELETED.equals(event.type())) {
			// the entries go with the subscriber
			return;
		}
		String schema = event.tenant().schemaName();
		BeforeCommit.add("timeline:" + schema, event, (events) -> insert(schema, events));
	}

	/**
	 * One statement for all of a transaction's entries: the values travel as text arrays
	 * (as the lifecycle rows do) and are cast by the database.
	 */
	private void insert(String schema, List<TenantEvent> events) {
		int n = events.size();
		String[] ids = new String[n];
		String[] subscribers = new String[n];
		String[] occurred = new String[n];
		String[] kinds = new String[n];
		String[] summaries = new String[n];
		String[] actors = new String[n];
		for (int i = 0; i < n; i++) {
			TenantEvent event = events.get(i);
			String summary = event.data().getOrDefault("summary", event.type());
			ids[i] = event.id().toString();
			subscribers[i] = UUID.fromString(event.subject()).toString();
			occurred[i] = event.occurredAt().toString();
			kinds[i] = event.type();
			summaries[i] = (summary.length() > 1000) ? summary.substring(0, 1000) : summary;
			actors[i] = event.actor().value();
		}
		this.jdbc.sql("INSERT INTO " + schema
				+ ".subscriber_timeline (id, subscriber_id, occurred_at, kind, summary, actor)"
				+ " SELECT * FROM unnest(CAST(CAST(:ids AS text[]) AS uuid[]),"
				+ " CAST(CAST(:subscribers AS text[]) AS uuid[]), CAST(CAST(:occurred AS text[]) AS timestamptz[]), CAST(:kinds AS text[]), CAST(:summaries AS text[]),"
				+ " CAST(:actors AS text[]))")
			.param("ids", ids)
			.param("subscribers", subscribers)
			.param("occurred", occurred)
			.param("kinds", kinds)
			.param("summaries", summaries)
			.param("actors", actors)
			.update();
	}

}
