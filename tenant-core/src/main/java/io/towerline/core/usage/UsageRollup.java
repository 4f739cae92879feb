package io.towerline.core.usage;

import java.sql.Timestamp;
import java.time.Instant;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls the current tenant's finished 5-minute buckets up into hourly ones and finished
 * hours into days. Each step inserts the coarser rows and moves its watermark
 * ({@code usage_rollup.rolled_until}) in one transaction, under a row lock, so a crash or
 * a second replica never rolls a bucket twice; readers take coarse rows before the
 * watermark and fine rows from it on, so nothing is counted twice or missed while the
 * fine rows are still kept.
 */
@Component
class UsageRollup {

	static final Instant NEVER = Instant.EPOCH;

	private final JdbcClient jdbc;

	private final TimePartitions partitions;

	private final TransactionTemplate transactions;

	UsageRollup(JdbcClient jdbc, TimePartitions partitions, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.partitions = partitions;
		this.transactions = transactions;
	}

	/**
	 * Rolls up every bucket that ended before {@code settledBefore}.
	 * @return rows written into the coarser tables
	 */
	public int rollUp(Instant settledBefore) {
		TenantId tenant = TenantContext.require();
		Instant hourUntil = Resolution.HOUR.bucketOf(settledBefore);
		int rows = step(tenant, Resolution.FIVE_MINUTES, Resolution.HOUR, hourUntil);
		Instant dayUntil = Resolution.DAY.bucketOf(watermark(tenant, Resolution.HOUR));
		return rows + step(tenant, Resolution.HOUR, Resolution.DAY, dayUntil);
	}

	/** Where the coarser resolution ends being final. */
	public Instant watermark(TenantId tenant, Resolution resolution) {
		return this.jdbc.sql("SELECT rolled_until FROM " + tenant.schemaName() + ".usage_rollup WHERE resolution = ?")
			.param(resolution.name())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(NEVER);
	}

	private int step(TenantId tenant, Resolution from, Resolution to, Instant until) {
		String schema = tenant.schemaName();
		Integer written = this.transactions.execute((tx) -> {
			this.jdbc
				.sql("INSERT INTO " + schema + ".usage_rollup (resolution, rolled_until) VALUES (?, ?) "
						+ "ON CONFLICT (resolution) DO NOTHING")
				.params(to.name(), Timestamp.from(NEVER))
				.update();
			Instant since = this.jdbc
				.sql("SELECT rolled_until FROM " + schema + ".usage_rollup WHERE resolution = ? FOR UPDATE")
				.param(to.name())
				.query(Timestamp.class)
				.single()
				.toInstant();
			if (!until.isAfter(since)) {
				return 0;
			}
			// no buckets in the window (a new or idle tenant) is a NULL minimum: nothing
			// to
			// roll up, the watermark still moves on (single() refuses a null value)
			Timestamp oldest = this.jdbc
				.sql("SELECT bucket_start FROM " + schema + "." + from.table()
						+ " WHERE bucket_start >= ? AND bucket_start < ? ORDER BY bucket_start LIMIT 1")
				.params(Timestamp.from(since), Timestamp.from(until))
				.query(Timestamp.class)
				.optional()
				.orElse(null);
			int rows = 0;
			if (oldest != null) {
				this.partitions.ensure(tenant, to.table(), to.partitionPeriod(), oldest.toInstant(),
						until.minusSeconds(1));
				// the newest subscriber and plan of the bucket win: a user name
				// re-assigned
				// within the hour counts for whom it belonged to last
				rows = this.jdbc.sql("INSERT INTO " + schema + "." + to.table() + " AS u (bucket_start, router_id, "
						+ "username, subscriber_id, plan_id, rx_bytes, tx_bytes, rx_packets, tx_packets) " + "SELECT "
						+ to.grouping("bucket_start") + ", router_id, username, "
						+ "(array_agg(subscriber_id ORDER BY bucket_start DESC))[1], "
						+ "(array_agg(plan_id ORDER BY bucket_start DESC))[1], "
						+ "sum(rx_bytes), sum(tx_bytes), sum(rx_packets), sum(tx_packets) FROM " + schema + "."
						+ from.table() + " WHERE bucket_start >= ? AND bucket_start < ? "
						+ "GROUP BY 1, router_id, username ON CONFLICT (bucket_start, router_id, username) DO UPDATE SET "
						+ "subscriber_id = excluded.subscriber_id, plan_id = excluded.plan_id, "
						+ "rx_bytes = u.rx_bytes + excluded.rx_bytes, tx_bytes = u.tx_bytes + excluded.tx_bytes, "
						+ "rx_packets = u.rx_packets + excluded.rx_packets, "
						+ "tx_packets = u.tx_packets + excluded.tx_packets")
					.params(Timestamp.from(since), Timestamp.from(until))
					.update();
			}
			this.jdbc.sql("UPDATE " + schema + ".usage_rollup SET rolled_until = ? WHERE resolution = ?")
				.params(Timestamp.from(until), to.name())
				.update();
			return rows;
		});
		return (written != null) ? written : 0;
	}

}
