package io.towerline.core.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The current tenant's usage of a period broken down per subscriber, plan, router or POP,
 * added up by PostgreSQL and read as a stream: rows are fetched a page at a time from a
 * cursor, so a breakdown of any length costs one page of memory. A group with no usage in
 * the period has no row. Buckets are read exactly as {@link UsageTotals} reads them, so
 * the rows of a breakdown add up to the tenant's total of the same period.
 * <p>
 * Streaming needs a cursor, which PostgreSQL keeps only inside a transaction: call these
 * within one (the caller's choice of isolation decides whether {@link #count} and
 * {@link #forEach} see the same rows).
 */
@Service
public class UsageBreakdown {

	/** Rows fetched from the cursor at a time. */
	static final int FETCH_SIZE = 1000;

	private final JdbcClient jdbc;

	UsageBreakdown(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = JdbcClient.create(template);
	}

	/** What the usage is broken down by. */
	public enum Grouping {

		/**
		 * Per subscriber; usage of a user name no subscriber owns is one group per user
		 * name.
		 */
		SUBSCRIBER,

		/** Per plan the usage happened on; usage of unmanaged user names has no plan. */
		PLAN,

		/** Per router. */
		ROUTER,

		/** Per POP of the router; routers without a POP make one group. */
		POP

	}

	/** The order rows come in. */
	public enum Order {

		/** By the group's id (subscribers by user name). */
		NAME,

		/** Most bytes in both directions first. */
		MOST_USED

	}

	/**
	 * One group's usage.
	 *
	 * @param id the subscriber, plan, router or POP; null for an unmanaged user name, for
	 * usage without a plan and for routers without a POP
	 * @param username the subscriber's user name ({@link Grouping#SUBSCRIBER} only)
	 */
	public record Row(@Nullable UUID id, @Nullable String username, Counters counters) {

	}

	/** How many rows {@link #forEach} gives for the same arguments (without a limit). */
	public long count(Grouping grouping, Instant from, Instant to) {
		checkPeriod(from, to);
		String sql = "SELECT count(*) FROM (" + grouped(TenantContext.require(), grouping) + ") g";
		return this.jdbc.sql(sql)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Long.class)
			.single();
	}

	/**
	 * Streams the groups of {@code [from, to)} to {@code row}, in {@code order}, at most
	 * {@code limit} when given.
	 */
	public void forEach(Grouping grouping, Instant from, Instant to, Order order, @Nullable Integer limit,
			Consumer<Row> row) {
		checkPeriod(from, to);
		String sql = grouped(TenantContext.require(), grouping) + switch (order) {
			case NAME -> (grouping == Grouping.SUBSCRIBER) ? " ORDER BY label, id" : " ORDER BY id";
			case MOST_USED -> " ORDER BY sum(rx_bytes) + sum(tx_bytes) DESC, label, id";
		} + ((limit != null) ? " LIMIT " + Math.max(0, limit) : "");
		this.jdbc.sql(sql)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((ResultSet rs) -> row.accept(row(rs, grouping)));
	}

	private static Row row(ResultSet rs, Grouping grouping) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), (grouping == Grouping.SUBSCRIBER) ? rs.getString("label") : null,
				new Counters(rs.getLong("rx_bytes"), rs.getLong("tx_bytes"), rs.getLong("rx_packets"),
						rs.getLong("tx_packets")));
	}

	private static String grouped(TenantId tenant, Grouping grouping) {
		String sums = "sum(rx_bytes) AS rx_bytes, sum(tx_bytes) AS tx_bytes, sum(rx_packets) AS rx_packets, "
				+ "sum(tx_packets) AS tx_packets";
		String counters = "rx_bytes, tx_bytes, rx_packets, tx_packets";
		return switch (grouping) {
			// an unmanaged user name is its own group; a subscriber stays one group
			// across renames, labelled with its newest user name in the period
			case SUBSCRIBER ->
				"SELECT subscriber_id AS id, (array_agg(username ORDER BY bucket_start DESC))[1] AS label, " + sums
						+ " FROM ("
						+ UsageTotals.buckets(tenant, UsageScope.tenant(),
								"bucket_start, subscriber_id, username, " + counters)
						+ ") b GROUP BY subscriber_id, CASE WHEN subscriber_id IS NULL THEN username END";
			case PLAN -> "SELECT plan_id AS id, '' AS label, " + sums + " FROM ("
					+ UsageTotals.buckets(tenant, UsageScope.tenant(), "bucket_start, plan_id, " + counters)
					+ ") b GROUP BY plan_id";
			case ROUTER -> "SELECT router_id AS id, '' AS label, " + sums + " FROM ("
					+ UsageTotals.buckets(tenant, UsageScope.tenant(), "bucket_start, router_id, " + counters)
					+ ") b GROUP BY router_id";
			case POP -> "SELECT r.pop_id AS id, '' AS label, " + sums + " FROM ("
					+ UsageTotals.buckets(tenant, UsageScope.tenant(), "bucket_start, router_id, " + counters)
					+ ") b LEFT JOIN " + tenant.schemaName() + ".router r ON r.id = b.router_id GROUP BY r.pop_id";
		};
	}

	private static void checkPeriod(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			throw new InvalidInputException(FieldError.invalid("to", "The period must end after it starts"));
		}
	}

}
