package io.towerline.core.lifecycle;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.towerline.core.tenancy.TenantContext;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Timeline entries of the whole tenant in a period, by kind, read as a stream (a cursor
 * fetched a page at a time, so any number of entries costs one page of memory). Call
 * within a transaction: PostgreSQL keeps a cursor only inside one.
 */
@Service
public class TimelineSearch {

	/** Rows fetched from the cursor at a time. */
	static final int FETCH_SIZE = 1000;

	/** The summary every plan change's entry starts with (single and bulk changes). */
	public static final String PLAN_CHANGE_SUMMARY = "Plan changed to ";

	private final JdbcClient jdbc;

	TimelineSearch(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = JdbcClient.create(template);
	}

	/**
	 * What to look for.
	 *
	 * @param kinds the event types
	 * @param summaryPrefix only entries whose summary starts with this (empty: all)
	 */
	public record Query(Collection<String> kinds, String summaryPrefix) {

	}

	/**
	 * An entry with the subscriber's current user name.
	 *
	 * @param username the subscriber's user name now
	 */
	public record Found(TimelineEntry entry, String username) {

	}

	/** How many entries {@link #forEach} gives. */
	public long count(Query query, Instant from, Instant to) {
		return this.jdbc.sql("SELECT count(*) FROM " + LifecyclePolicies.table("subscriber_timeline") + " t" + where())
			.params(params(query, from, to))
			.query(Long.class)
			.single();
	}

	/** Streams the entries of {@code [from, to)} in time order to {@code found}. */
	public void forEach(Query query, Instant from, Instant to, Consumer<Found> found) {
		String schema = TenantContext.require().schemaName();
		this.jdbc
			.sql("SELECT t.id, t.subscriber_id, t.occurred_at, t.kind, t.summary, t.actor, s.username FROM " + schema
					+ ".subscriber_timeline t JOIN " + schema + ".subscriber s ON s.id = t.subscriber_id" + where()
					+ " ORDER BY t.occurred_at, t.id")
			.params(params(query, from, to))
			.query((ResultSet row) -> found.accept(new Found(new TimelineEntry(row.getObject("id", UUID.class),
					row.getObject("subscriber_id", UUID.class), row.getTimestamp("occurred_at").toInstant(),
					row.getString("kind"), row.getString("summary"), row.getString("actor")),
					row.getString("username"))));
	}

	private static String where() {
		return " WHERE t.occurred_at >= ? AND t.occurred_at < ? AND t.kind = ANY(?) AND starts_with(t.summary, ?)";
	}

	private static Object[] params(Query query, Instant from, Instant to) {
		return new Object[] { Timestamp.from(from), Timestamp.from(to), query.kinds().toArray(String[]::new),
				query.summaryPrefix() };
	}

}
