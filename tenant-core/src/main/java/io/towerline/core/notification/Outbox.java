package io.towerline.core.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bound tenant's outbox. Rows are added in the caller's transaction (the event's);
 * the sender claims due rows with SKIP LOCKED so two senders never take the same message.
 */
@Repository
@Transactional
public class Outbox {

	/** Most messages one read returns. */
	public static final int MAX_PAGE = 200;

	private static final String COLUMNS = "id, channel, event_id, event_type, subscriber_id, endpoint_id, recipient,"
			+ " subject, body, status, attempts, last_error, created_at, next_attempt_at, sent_at, error_code";

	private final JdbcClient jdbc;

	private final Clock clock;

	Outbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Adds a message; a QUEUED one is due at once, any other status is final (reported,
	 * never sent).
	 */
	public UUID add(TenantId tenant, UUID id, Channel channel, UUID eventId, String eventType,
			@Nullable UUID subscriberId, @Nullable UUID endpointId, @Nullable String recipient,
			@Nullable String subject, String body, MessageStatus status, @Nullable String error) {
		return add(tenant, id, channel, eventId, eventType, subscriberId, endpointId, recipient, subject, body, status,
				error, null);
	}

	/** Adds a message, with the code of why it is not sent (UNDELIVERABLE ones). */
	public UUID add(TenantId tenant, UUID id, Channel channel, UUID eventId, String eventType,
			@Nullable UUID subscriberId, @Nullable UUID endpointId, @Nullable String recipient,
			@Nullable String subject, String body, MessageStatus status, @Nullable String error,
			@Nullable DeliveryErrorCode code) {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("INSERT INTO " + tenant.schemaName() + ".notification_outbox (" + COLUMNS
					+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, NULL, ?)")
			.params(id, channel.name(), eventId, eventType, subscriberId, endpointId, recipient, subject, body,
					status.name(), error, Timestamp.from(now),
					(status == MessageStatus.QUEUED) ? Timestamp.from(now) : null, (code != null) ? code.name() : null)
			.update();
		return id;
	}

	/**
	 * Adds many messages in one statement (the values travel as text arrays); QUEUED ones
	 * are due at once.
	 */
	public void addAll(TenantId tenant, List<NewMessage> messages) {
		if (messages.isEmpty()) {
			return;
		}
		int n = messages.size();
		String[][] columns = new String[12][n];
		for (int i = 0; i < n; i++) {
			NewMessage message = messages.get(i);
			columns[0][i] = message.id().toString();
			columns[1][i] = message.channel().name();
			columns[2][i] = message.eventId().toString();
			columns[3][i] = message.eventType();
			columns[4][i] = (message.subscriberId() != null) ? message.subscriberId().toString() : null;
			columns[5][i] = (message.endpointId() != null) ? message.endpointId().toString() : null;
			columns[6][i] = message.recipient();
			columns[7][i] = message.subject();
			columns[8][i] = message.body();
			columns[9][i] = message.status().name();
			columns[10][i] = message.error();
			columns[11][i] = (message.code() != null) ? message.code().name() : null;
		}
		this.jdbc
			.sql("INSERT INTO " + tenant.schemaName() + ".notification_outbox (" + COLUMNS + ") SELECT v.id::uuid,"
					+ " v.channel, v.event_id::uuid, v.event_type, v.subscriber_id::uuid, v.endpoint_id::uuid,"
					+ " v.recipient, v.subject, v.body, v.status, 0, v.error, :now, CASE WHEN v.status = 'QUEUED'"
					+ " THEN CAST(:now AS timestamptz) END, NULL, v.code FROM unnest(CAST(:c0 AS text[]),"
					+ " CAST(:c1 AS text[]), CAST(:c2 AS text[]), CAST(:c3 AS text[]), CAST(:c4 AS text[]),"
					+ " CAST(:c5 AS text[]), CAST(:c6 AS text[]), CAST(:c7 AS text[]), CAST(:c8 AS text[]),"
					+ " CAST(:c9 AS text[]), CAST(:c10 AS text[]), CAST(:c11 AS text[])) AS v(id, channel, event_id,"
					+ " event_type, subscriber_id, endpoint_id, recipient, subject, body, status, error, code)")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("c0", columns[0])
			.param("c1", columns[1])
			.param("c2", columns[2])
			.param("c3", columns[3])
			.param("c4", columns[4])
			.param("c5", columns[5])
			.param("c6", columns[6])
			.param("c7", columns[7])
			.param("c8", columns[8])
			.param("c9", columns[9])
			.param("c10", columns[10])
			.param("c11", columns[11])
			.update();
	}

	/** Locks up to {@code limit} messages due at {@code now}, skipping locked ones. */
	List<OutboxMessage> claimDue(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM " + table() + " WHERE status = 'QUEUED' AND next_attempt_at <= ?"
					+ " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
			.params(Timestamp.from(now), limit)
			.query(Outbox::message)
			.list();
	}

	void sent(UUID id, Instant now) {
		this.jdbc
			.sql("UPDATE " + table() + " SET status = 'SENT', attempts = attempts + 1, sent_at = ?,"
					+ " next_attempt_at = NULL, last_error = NULL WHERE id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	/** Records a refusal: retried at {@code retryAt}, or FAILED when that is null. */
	void refused(UUID id, String error, @Nullable Instant retryAt) {
		this.jdbc
			.sql("UPDATE " + table() + " SET status = ?, attempts = attempts + 1, last_error = ?,"
					+ " next_attempt_at = ?, error_code = ? WHERE id = ?")
			.params((retryAt != null) ? "QUEUED" : "FAILED", clip(error),
					(retryAt != null) ? Timestamp.from(retryAt) : null,
					(retryAt != null) ? null : DeliveryErrorCode.RETRIES_EXHAUSTED.name(), id)
			.update();
	}

	/** Records a permanent refusal: the message is UNDELIVERABLE, never tried again. */
	void undeliverable(UUID id, DeliveryErrorCode code, String error) {
		this.jdbc
			.sql("UPDATE " + table() + " SET status = 'UNDELIVERABLE', attempts = attempts + 1, last_error = ?,"
					+ " error_code = ?, next_attempt_at = NULL WHERE id = ?")
			.params(clip(error), code.name(), id)
			.update();
	}

	private static String clip(String error) {
		return (error.length() > 2000) ? error.substring(0, 2000) : error;
	}

	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	public OutboxMessage get(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM " + table() + " WHERE id = ?")
			.param(id)
			.query(Outbox::message)
			.optional()
			.orElseThrow(() -> new NotFoundException("Message", id));
	}

	/**
	 * Newest first, filtered by any of the given values, after the message {@code after}
	 * (keyset on creation time and id).
	 */
	@Transactional(readOnly = true)
	public List<OutboxMessage> list(OutboxFilter filter, @Nullable UUID after, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + table() + " o WHERE true");
		List<Object> params = new ArrayList<>();
		if (filter.status() != null) {
			sql.append(" AND status = ?");
			params.add(filter.status().name());
		}
		if (filter.channel() != null) {
			sql.append(" AND channel = ?");
			params.add(filter.channel().name());
		}
		if (filter.subscriberId() != null) {
			sql.append(" AND subscriber_id = ?");
			params.add(filter.subscriberId());
		}
		if (filter.endpointId() != null) {
			sql.append(" AND endpoint_id = ?");
			params.add(filter.endpointId());
		}
		if (filter.eventType() != null) {
			sql.append(" AND event_type = ?");
			params.add(filter.eventType());
		}
		if (after != null) {
			sql.append(" AND (created_at, id) < (SELECT created_at, id FROM " + table() + " WHERE id = ?)");
			params.add(after);
		}
		sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
		params.add(Math.clamp(limit, 1, MAX_PAGE));
		return this.jdbc.sql(sql.toString()).params(params).query(Outbox::message).list();
	}

	/** Counts by status (for measurements and status pages). */
	@Transactional(readOnly = true)
	public long count(MessageStatus status) {
		return this.jdbc.sql("SELECT count(*) FROM " + table() + " WHERE status = ?")
			.param(status.name())
			.query(Long.class)
			.single();
	}

	/**
	 * Queues a copy of a message as a new delivery (same event, new message id), for
	 * example a webhook an integration asks to receive again.
	 */
	public UUID replay(UUID id) {
		OutboxMessage message = get(id);
		return add(TenantContext.require(), UUID.randomUUID(), message.channel(), message.eventId(),
				message.eventType(), message.subscriberId(), message.endpointId(), message.recipient(),
				message.subject(), message.body(), MessageStatus.QUEUED, null);
	}

	private static String table() {
		return TenantContext.require().schemaName() + ".notification_outbox";
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static OutboxMessage message(ResultSet row, int rowNumber) throws SQLException {
		return new OutboxMessage(row.getObject("id", UUID.class), Channel.valueOf(row.getString("channel")),
				row.getObject("event_id", UUID.class), row.getString("event_type"),
				row.getObject("subscriber_id", UUID.class), row.getObject("endpoint_id", UUID.class),
				row.getString("recipient"), row.getString("subject"), row.getString("body"),
				MessageStatus.valueOf(row.getString("status")), row.getInt("attempts"), row.getString("last_error"),
				row.getTimestamp("created_at").toInstant(), instant(row, "next_attempt_at"), instant(row, "sent_at"),
				Optional.ofNullable(row.getString("error_code")).map(DeliveryErrorCode::valueOf).orElse(null));
	}

	/**
	 * What to list; null values do not filter.
	 *
	 * @param status by status
	 * @param channel by channel
	 * @param subscriberId by subscriber
	 * @param endpointId by webhook endpoint
	 * @param eventType by event type
	 */
	public record OutboxFilter(@Nullable MessageStatus status, @Nullable Channel channel, @Nullable UUID subscriberId,
			@Nullable UUID endpointId, @Nullable String eventType) {

	}

}
