package io.towerline.core.lifecycle;

import io.towerline.core.subscriber.LifecycleState;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.towerline.core.subscriber.SubscriberStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.towerline.core.lifecycle.LifecyclePolicies.table;

/**
 * The {@code subscriber_lifecycle} rows of the bound tenant. Rows are created by a
 * database trigger whenever a subscriber gets or changes an expiry, by whatever path, and
 * are due for a look when {@code next_due_at} has passed; nothing else is ever read.
 */
@Repository
class SubscriberLifecycles {

	private static final String SELECT = "SELECT s.id, s.username, s.full_name, s.plan_id, s.status, s.expires_on,"
			+ " s.deleting, l.state, l.regular_plan_id, l.notices_expiry, l.notices_sent, l.postponed_until, l.next_due_at";

	private final JdbcClient jdbc;

	SubscriberLifecycles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks and returns up to {@code limit} rows due at {@code now}, skipping rows
	 * another evaluator holds: two evaluators at once never take the same subscriber.
	 */
	List<TrackedSubscriber> claimDue(Instant now, int limit, @Nullable Cursor after) {
		// the cursor keeps a long evaluation from rescanning index entries of rows it
		// already moved on (dead until vacuum), which would make it quadratic
		return this.jdbc
			.sql(SELECT + " FROM " + table("subscriber_lifecycle") + " l JOIN " + table("subscriber")
					+ " s ON s.id = l.subscriber_id WHERE l.next_due_at <= :now"
					+ ((after != null) ? " AND (l.next_due_at, l.subscriber_id) > (:afterAt, :afterId)" : "")
					+ " ORDER BY l.next_due_at, l.subscriber_id LIMIT :limit FOR UPDATE OF l SKIP LOCKED")
			.param("now", Timestamp.from(now))
			.param("afterAt", (after != null) ? Timestamp.from(after.dueAt()) : null)
			.param("afterId", (after != null) ? after.subscriberId() : null)
			.param("limit", limit)
			.query(SubscriberLifecycles::tracked)
			.list();
	}

	/**
	 * Whether any row is due at {@code now}: the earliest due moment, read from the end
	 * of the {@code next_due_at} index (one entry, however small or large the tenant), so
	 * a tenant with nothing due costs no more than this.
	 */
	boolean anythingDue(Instant now) {
		return this.jdbc.sql("SELECT min(next_due_at) FROM " + table("subscriber_lifecycle"))
			.query(Timestamp.class)
			.optional()
			.map((earliest) -> !earliest.toInstant().isAfter(now))
			.orElse(false);
	}

	/**
	 * Where a claim continues.
	 *
	 * @param dueAt the last claimed row's due moment
	 * @param subscriberId the last claimed row's subscriber
	 */
	record Cursor(Instant dueAt, UUID subscriberId) {

	}

	/** Locks and returns one subscriber's row, waiting for an evaluator that holds it. */
	Optional<TrackedSubscriber> lock(UUID subscriberId) {
		return this.jdbc
			.sql(SELECT + " FROM " + table("subscriber_lifecycle") + " l JOIN " + table("subscriber")
					+ " s ON s.id = l.subscriber_id WHERE l.subscriber_id = :id FOR UPDATE OF l")
			.param("id", subscriberId)
			.query(SubscriberLifecycles::tracked)
			.optional();
	}

	Optional<LifecycleState> stateOf(UUID subscriberId) {
		return this.jdbc.sql("SELECT state FROM " + table("subscriber_lifecycle") + " WHERE subscriber_id = ?")
			.param(subscriberId)
			.query(String.class)
			.optional()
			.map(LifecycleState::valueOf);
	}

	Map<UUID, LifecycleState> statesOf(Collection<UUID> subscriberIds) {
		if (subscriberIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, LifecycleState> states = new HashMap<>();
		this.jdbc
			.sql("SELECT subscriber_id, state FROM " + table("subscriber_lifecycle") + " WHERE subscriber_id IN (:ids)")
			.param("ids", subscriberIds)
			.query((row, n) -> states.put(row.getObject("subscriber_id", UUID.class),
					LifecycleState.valueOf(row.getString("state"))))
			.list();
		return states;
	}

	/**
	 * Stores the looks of a batch in one statement: the values travel as arrays and are
	 * joined to the rows, so the database runs one update, not one per subscriber.
	 */
	void saveAll(List<LifecycleSteps.Look> looks, Instant now) {
		if (looks.isEmpty()) {
			return;
		}
		int n = looks.size();
		String[] ids = new String[n];
		String[] states = new String[n];
		String[] regular = new String[n];
		String[] noticesExpiry = new String[n];
		String[] noticesSent = new String[n];
		String[] nextDue = new String[n];
		for (int i = 0; i < n; i++) {
			LifecycleSteps.Look look = looks.get(i);
			ids[i] = look.subscriberId().toString();
			states[i] = look.state().name();
			regular[i] = (look.regularPlanId() != null) ? look.regularPlanId().toString() : null;
			noticesExpiry[i] = (look.noticesExpiry() != null) ? look.noticesExpiry().toString() : null;
			noticesSent[i] = look.noticesSent().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
			nextDue[i] = (look.nextDueAt() != null) ? look.nextDueAt().toString() : null;
		}
		this.jdbc
			.sql("UPDATE " + table("subscriber_lifecycle") + " l SET state = v.state,"
					+ " regular_plan_id = v.regular::uuid, notices_expiry = v.notices_expiry::date,"
					+ " notices_sent = v.notices_sent, next_due_at = v.next_due::timestamptz, updated_at = :now"
					+ " FROM unnest(CAST(:ids AS text[]), CAST(:states AS text[]),"
					+ " CAST(:regular AS text[]), CAST(:noticesExpiry AS text[]), CAST(:noticesSent AS text[]),"
					+ " CAST(:nextDue AS text[])) AS v(id, state, regular, notices_expiry, notices_sent,"
					+ " next_due) WHERE l.subscriber_id = v.id::uuid")
			.param("now", Timestamp.from(now))
			.param("ids", ids)
			.param("states", states)
			.param("regular", regular)
			.param("noticesExpiry", noticesExpiry)
			.param("noticesSent", noticesSent)
			.param("nextDue", nextDue)
			.update();
	}

	/** Puts off a row that could not be evaluated, so it does not block the others. */
	void putOff(UUID subscriberId, Instant until) {
		this.jdbc.sql("UPDATE " + table("subscriber_lifecycle") + " SET next_due_at = ? WHERE subscriber_id = ?")
			.params(Timestamp.from(until), subscriberId)
			.update();
	}

	void postpone(UUID subscriberId, LocalDate until, String reason, Instant now) {
		this.jdbc
			.sql("UPDATE " + table("subscriber_lifecycle") + " SET postponed_until = :until,"
					+ " postpone_reason = :reason, next_due_at = :now, updated_at = :now WHERE subscriber_id = :id")
			.param("until", Date.valueOf(until))
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("id", subscriberId)
			.update();
	}

	/** How many rows are due at {@code now} (for measurements and tests). */
	long countDue(Instant now) {
		return this.jdbc.sql("SELECT count(*) FROM " + table("subscriber_lifecycle") + " WHERE next_due_at <= ?")
			.param(Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	private static TrackedSubscriber tracked(ResultSet row, int rowNumber) throws SQLException {
		Date expires = row.getDate("expires_on");
		Date noticesExpiry = row.getDate("notices_expiry");
		Date postponed = row.getDate("postponed_until");
		String sent = row.getString("notices_sent");
		Set<Integer> sentDays = (sent == null || sent.isBlank()) ? Set.of()
				: Arrays.stream(sent.split(",")).map(Integer::valueOf).collect(Collectors.toUnmodifiableSet());
		return new TrackedSubscriber(row.getObject("id", UUID.class), row.getString("username"),
				row.getString("full_name"), row.getObject("plan_id", UUID.class),
				SubscriberStatus.valueOf(row.getString("status")), (expires != null) ? expires.toLocalDate() : null,
				row.getBoolean("deleting"), LifecycleState.valueOf(row.getString("state")),
				row.getObject("regular_plan_id", UUID.class),
				(noticesExpiry != null) ? noticesExpiry.toLocalDate() : null, sentDays,
				(postponed != null) ? postponed.toLocalDate() : null,
				Optional.ofNullable(row.getTimestamp("next_due_at")).map(Timestamp::toInstant).orElse(null));
	}

}
