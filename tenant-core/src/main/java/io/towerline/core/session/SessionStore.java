package io.towerline.core.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.usage.Counters;
import io.towerline.core.usage.TimePartitions;
import io.towerline.core.usage.UsageMaintenance;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current tenant's online sessions and session history, in plain SQL: the trackers
 * write them in batches (a router's whole read or sample is one statement).
 */
@Component
class SessionStore {

	static final String COLUMNS = "id, router_id, item_id, username, subscriber_id, address, caller_id, service, "
			+ "ppp_session_id, login_at, seen_at, rx_bytes, tx_bytes, rx_packets, tx_packets, counters_at";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TimePartitions partitions;

	SessionStore(JdbcClient jdbc, JdbcTemplate batch, TimePartitions partitions) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.partitions = partitions;
	}

	private static String schema() {
		return TenantContext.require().schemaName();
	}

	List<OnlineSession> ofRouter(UUID routerId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM " + schema() + ".online_session WHERE router_id = ?")
			.param(routerId)
			.query(SessionStore::online)
			.list();
	}

	void insert(List<OnlineSession> sessions) {
		if (sessions.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(sessions.size());
		for (OnlineSession s : sessions) {
			rows.add(new Object[] { s.id(), s.routerId(), s.itemId(), s.username(), s.subscriberId(), s.address(),
					s.callerId(), s.service(), s.pppSessionId(), Timestamp.from(s.loginAt()),
					Timestamp.from(s.seenAt()), s.counters().rxBytes(), s.counters().txBytes(),
					s.counters().rxPackets(), s.counters().txPackets(),
					(s.countersAt() != null) ? Timestamp.from(s.countersAt()) : null });
		}
		this.batch.batchUpdate("INSERT INTO " + schema() + ".online_session (" + COLUMNS
				+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
				+ "ON CONFLICT (router_id, item_id) DO NOTHING", rows);
	}

	/**
	 * Removes sessions from the online table.
	 * @return what each removed one was marked with before it ended, by id
	 */
	Map<UUID, Marks> remove(Collection<UUID> ids) {
		Map<UUID, Marks> marked = new HashMap<>();
		if (ids.isEmpty()) {
			return marked;
		}
		this.jdbc
			.sql("DELETE FROM " + schema() + ".online_session WHERE id = ANY(?) RETURNING id, ending_reason, "
					+ "final_rx_bytes, final_tx_bytes, final_rx_packets, final_tx_packets, final_interface, final_at")
			.param(ids.toArray(UUID[]::new))
			.query((rs, row) -> {
				String reason = rs.getString(2);
				Timestamp finalAt = rs.getTimestamp(8);
				FinalReading reading = (finalAt != null)
						? new FinalReading(new Counters(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)),
								rs.getString(7), finalAt.toInstant())
						: null;
				marked.put(rs.getObject(1, UUID.class),
						new Marks((reason != null) ? SessionEndReason.valueOf(reason) : null, reading));
				return null;
			})
			.list();
		return marked;
	}

	/**
	 * What was marked on an online session before it ended.
	 *
	 * @param reason how it was made to end (a kick), if it was
	 * @param finalReading its interface's counters read just before that
	 */
	record Marks(@Nullable SessionEndReason reason, @Nullable FinalReading finalReading) {

	}

	/** A session's interface counters read just before it was made to end. */
	record FinalReading(Counters counters, String interfaceId, Instant at) {

	}

	/**
	 * Keeps the counters of the user name's session on the router, read just before it is
	 * made to end; its tracker accounts them when the session ends.
	 */
	boolean markFinalReading(UUID routerId, String username, FinalReading reading) {
		Counters counters = reading.counters();
		return this.jdbc
			.sql("UPDATE " + schema() + ".online_session SET final_rx_bytes = ?, final_tx_bytes = ?, "
					+ "final_rx_packets = ?, final_tx_packets = ?, final_interface = ?, final_at = ? "
					+ "WHERE router_id = ? AND username = ?")
			.params(counters.rxBytes(), counters.txBytes(), counters.rxPackets(), counters.txPackets(),
					reading.interfaceId(), Timestamp.from(reading.at()), routerId, username)
			.update() > 0;
	}

	void keep(List<EndedSession> ended) {
		if (ended.isEmpty()) {
			return;
		}
		var tenant = TenantContext.require();
		List<Object[]> rows = new ArrayList<>(ended.size());
		for (EndedSession s : ended) {
			this.partitions.ensureCached(tenant, UsageMaintenance.SESSION_HISTORY, TimePartitions.Period.MONTH,
					s.logoutAt());
			rows.add(new Object[] { s.id(), s.routerId(), s.username(), s.subscriberId(), s.address(), s.callerId(),
					s.service(), s.pppSessionId(), Timestamp.from(s.loginAt()), Timestamp.from(s.logoutAt()),
					s.counters().rxBytes(), s.counters().txBytes(), s.counters().rxPackets(), s.counters().txPackets(),
					s.reason().name() });
		}
		this.batch.batchUpdate("INSERT INTO " + schema() + ".session_history (id, router_id, username, "
				+ "subscriber_id, address, caller_id, service, ppp_session_id, login_at, logout_at, rx_bytes, "
				+ "tx_bytes, rx_packets, tx_packets, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
	}

	/** Writes a router's sample: new counters of many sessions, one statement. */
	void updateCounters(List<OnlineSession> sampled, Instant at) {
		if (sampled.isEmpty()) {
			return;
		}
		int size = sampled.size();
		UUID[] ids = new UUID[size];
		Long[] rxBytes = new Long[size];
		Long[] txBytes = new Long[size];
		Long[] rxPackets = new Long[size];
		Long[] txPackets = new Long[size];
		for (int i = 0; i < size; i++) {
			Counters counters = sampled.get(i).counters();
			ids[i] = sampled.get(i).id();
			rxBytes[i] = counters.rxBytes();
			txBytes[i] = counters.txBytes();
			rxPackets[i] = counters.rxPackets();
			txPackets[i] = counters.txPackets();
		}
		this.jdbc
			.sql("UPDATE " + schema() + ".online_session AS s SET rx_bytes = c.rx_bytes, tx_bytes = c.tx_bytes, "
					+ "rx_packets = c.rx_packets, tx_packets = c.tx_packets, counters_at = ?, seen_at = ? "
					+ "FROM unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) "
					+ "AS c(id, rx_bytes, tx_bytes, rx_packets, tx_packets) WHERE s.id = c.id")
			.params(Timestamp.from(at), Timestamp.from(at), ids, rxBytes, txBytes, rxPackets, txPackets)
			.update();
	}

	/** Forgets the online sessions of a deleted router. */
	void removeRouter(UUID routerId) {
		this.jdbc.sql("DELETE FROM " + schema() + ".online_session WHERE router_id = ?").param(routerId).update();
	}

	/** Marks how an online session is about to end (it is being kicked). */
	boolean markEnding(UUID id, @Nullable SessionEndReason reason) {
		return this.jdbc.sql("UPDATE " + schema() + ".online_session SET ending_reason = ? WHERE id = ?")
			.params((reason != null) ? reason.name() : null, id)
			.update() > 0;
	}

	/** Subscribers by lower-cased user name, for the names given. */
	Map<String, SubscriberMatch> subscribers(Collection<String> usernames) {
		Map<String, SubscriberMatch> matches = new HashMap<>();
		if (usernames.isEmpty()) {
			return matches;
		}
		String[] names = usernames.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.distinct()
			.toArray(String[]::new);
		this.jdbc
			.sql("SELECT lower(username), id, plan_id, status FROM " + schema()
					+ ".subscriber WHERE lower(username) = ANY(?)")
			.param(names)
			.query((rs, row) -> matches.put(rs.getString(1),
					new SubscriberMatch(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4))))
			.list();
		return matches;
	}

	/** The subscriber a user name belongs to, as the tracker needs it. */
	record SubscriberMatch(UUID subscriberId, UUID planId, String status) {

		boolean disabled() {
			return "DISABLED".equals(this.status) || "SUSPENDED".equals(this.status);
		}

	}

	static OnlineSession online(ResultSet rs, int row) throws SQLException {
		Timestamp countersAt = rs.getTimestamp("counters_at");
		return new OnlineSession(rs.getObject("id", UUID.class), rs.getObject("router_id", UUID.class),
				rs.getString("item_id"), rs.getString("username"), rs.getObject("subscriber_id", UUID.class),
				rs.getString("address"), rs.getString("caller_id"), rs.getString("service"),
				rs.getString("ppp_session_id"), rs.getTimestamp("login_at").toInstant(),
				rs.getTimestamp("seen_at").toInstant(), new Counters(rs.getLong("rx_bytes"), rs.getLong("tx_bytes"),
						rs.getLong("rx_packets"), rs.getLong("tx_packets")),
				(countersAt != null) ? countersAt.toInstant() : null);
	}

}
