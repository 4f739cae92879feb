package io.towerline.core.usage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage of the current tenant for any period, for a subscriber, plan, router, POP or the
 * whole tenant. Each bucket is read from exactly one resolution: daily rows before the
 * daily watermark, hourly ones up to the hourly watermark, 5-minute ones after (read with
 * the watermarks in one statement). A bucket counts in a period when it starts in it, so
 * a period's edges are as fine as the resolution still kept for them.
 */
@Service
@Transactional(readOnly = true)
public class UsageTotals {

	private final JdbcClient jdbc;

	private final UsageProperties properties;

	UsageTotals(JdbcClient jdbc, UsageProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** Everything used in {@code [from, to)}. */
	public Counters total(UsageScope scope, Instant from, Instant to) {
		checkPeriod(from, to);
		String sql = "SELECT coalesce(sum(rx_bytes), 0), coalesce(sum(tx_bytes), 0), coalesce(sum(rx_packets), 0), "
				+ "coalesce(sum(tx_packets), 0) FROM (" + buckets(TenantContext.require(), scope) + ") b";
		return query(sql, scope, from, to)
			.query((rs, row) -> new Counters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	/**
	 * Usage per bucket of {@code granularity} in {@code [from, to)}, buckets without use
	 * left out; where only coarser buckets are still kept, their points stand at the
	 * coarser bucket's start.
	 * @throws InvalidInputException when the period would hold more than the configured
	 * number of points, or ends before it starts
	 */
	public List<UsagePoint> series(UsageScope scope, Instant from, Instant to, Resolution granularity) {
		checkPeriod(from, to);
		long points = Duration.between(from, to).dividedBy(granularity.size());
		if (points > this.properties.maxPoints()) {
			throw new InvalidInputException(FieldError.invalid("granularity",
					"This period holds " + points + " buckets of " + granularity + "; at most "
							+ this.properties.maxPoints() + " may be asked for at once: choose a coarser granularity "
							+ "or a shorter period"));
		}
		String sql = "SELECT " + granularity.grouping("bucket_start") + " AS start, sum(rx_bytes), sum(tx_bytes), "
				+ "sum(rx_packets), sum(tx_packets) FROM (" + buckets(TenantContext.require(), scope)
				+ ") b GROUP BY 1 ORDER BY 1";
		return query(sql, scope, from, to)
			.query((rs, row) -> new UsagePoint(rs.getTimestamp(1).toInstant(),
					new Counters(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))))
			.list();
	}

	private JdbcClient.StatementSpec query(String sql, UsageScope scope, Instant from, Instant to) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to));
		return (scope.id() != null) ? statement.param("id", scope.id()) : statement;
	}

	/** The scope's buckets of the period, each from the one resolution that holds it. */
	private static String buckets(TenantId tenant, UsageScope scope) {
		return buckets(tenant, scope, "bucket_start, rx_bytes, tx_bytes, rx_packets, tx_packets");
	}

	/**
	 * The scope's buckets of the period with {@code columns}, each from the one
	 * resolution that holds it (also read by {@link UsageBreakdown}).
	 */
	static String buckets(TenantId tenant, UsageScope scope, String columns) {
		String schema = tenant.schemaName();
		String marks = "(SELECT coalesce((SELECT rolled_until FROM " + schema
				+ ".usage_rollup WHERE resolution = 'HOUR'), 'epoch'::timestamptz) AS hour_until, "
				+ "coalesce((SELECT rolled_until FROM " + schema
				+ ".usage_rollup WHERE resolution = 'DAY'), 'epoch'::timestamptz) AS day_until) w";
		String where = " AND " + scope.condition(schema);
		return "SELECT " + columns + " FROM " + schema + ".usage_daily, " + marks
				+ " WHERE bucket_start >= :from AND bucket_start < least(:to, w.day_until)" + where
				+ " UNION ALL SELECT " + columns + " FROM " + schema + ".usage_hourly, " + marks
				+ " WHERE bucket_start >= greatest(:from, w.day_until) AND bucket_start < least(:to, w.hour_until)"
				+ where + " UNION ALL SELECT " + columns + " FROM " + schema + ".usage_5m, " + marks
				+ " WHERE bucket_start >= greatest(:from, w.hour_until) AND bucket_start < :to" + where;
	}

	private static void checkPeriod(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			throw new InvalidInputException(FieldError.invalid("to", "The period must end after it starts"));
		}
	}

}
