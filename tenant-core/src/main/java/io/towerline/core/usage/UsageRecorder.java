package io.towerline.core.usage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Adds usage deltas to the current tenant's 5-minute buckets, one statement per batch (a
 * router's whole sample). The bucket's partition is made sure of first (once per day and
 * replica): the maintenance task creates partitions ahead, this covers a fresh tenant or
 * a stopped task without aborting the caller's transaction on a missing partition.
 */
@Component
public class UsageRecorder {

	private final JdbcClient jdbc;

	private final TimePartitions partitions;

	UsageRecorder(JdbcClient jdbc, TimePartitions partitions) {
		this.jdbc = jdbc;
		this.partitions = partitions;
	}

	/**
	 * Adds the deltas to the 5-minute bucket holding {@code at}; zero deltas are skipped.
	 * @return rows written
	 */
	public int record(Instant at, List<UsageDelta> deltas) {
		List<UsageDelta> moving = deltas.stream().filter((delta) -> !delta.counters().isZero()).toList();
		if (moving.isEmpty()) {
			return 0;
		}
		TenantId tenant = TenantContext.require();
		Instant bucket = Resolution.FIVE_MINUTES.bucketOf(at);
		this.partitions.ensureCached(tenant, Resolution.FIVE_MINUTES.table(), Resolution.FIVE_MINUTES.partitionPeriod(),
				bucket);
		return upsert(tenant, bucket, moving);
	}

	private int upsert(TenantId tenant, Instant bucket, List<UsageDelta> deltas) {
		int size = deltas.size();
		UUID[] routers = new UUID[size];
		String[] usernames = new String[size];
		UUID[] subscribers = new UUID[size];
		UUID[] plans = new UUID[size];
		Long[] rxBytes = new Long[size];
		Long[] txBytes = new Long[size];
		Long[] rxPackets = new Long[size];
		Long[] txPackets = new Long[size];
		for (int i = 0; i < size; i++) {
			UsageDelta delta = deltas.get(i);
			routers[i] = delta.routerId();
			usernames[i] = delta.username();
			subscribers[i] = delta.subscriberId();
			plans[i] = delta.planId();
			rxBytes[i] = delta.counters().rxBytes();
			txBytes[i] = delta.counters().txBytes();
			rxPackets[i] = delta.counters().rxPackets();
			txPackets[i] = delta.counters().txPackets();
		}
		String table = tenant.schemaName() + ".usage_5m";
		// one row per (router, user name) in a batch: a router reports each interface
		// once
		String sql = "INSERT INTO " + table + " AS u (bucket_start, router_id, username, subscriber_id, plan_id, "
				+ "rx_bytes, tx_bytes, rx_packets, tx_packets) SELECT ?, d.* FROM unnest(?::uuid[], ?::text[], "
				+ "?::uuid[], ?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) AS d "
				+ "ON CONFLICT (bucket_start, router_id, username) DO UPDATE SET "
				+ "subscriber_id = excluded.subscriber_id, plan_id = excluded.plan_id, "
				+ "rx_bytes = u.rx_bytes + excluded.rx_bytes, tx_bytes = u.tx_bytes + excluded.tx_bytes, "
				+ "rx_packets = u.rx_packets + excluded.rx_packets, tx_packets = u.tx_packets + excluded.tx_packets";
		return this.jdbc.sql(sql)
			.params(Timestamp.from(bucket), routers, usernames, subscribers, plans, rxBytes, txBytes, rxPackets,
					txPackets)
			.update();
	}

}
