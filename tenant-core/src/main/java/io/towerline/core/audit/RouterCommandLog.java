package io.towerline.core.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.audit.AuditedCommand;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Receives every command the adapter sends and writes it to the bound tenant's
 * {@code router_command_log}, attributed through the thread's {@link CommandContext}.
 * Commands sent with no tenant bound (there should be none) are logged as a warning
 * rather than lost silently. Also answers queries and enforces retention.
 */
@Component
public class RouterCommandLog implements RouterCommandAuditor {

	private static final Logger log = LoggerFactory.getLogger(RouterCommandLog.class);

	private static final String COLUMNS = "id, at, router_id, subscriber, action, parameters, outcome, error_code, "
			+ "error, duration_ms, actor, operation_id";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	RouterCommandLog(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	@Override
	public void commandCompleted(AuditedCommand command) {
		CommandContext.Scope scope = CommandContext.current();
		if (scope != null && scope.buffer() != null) {
			scope.buffer().add(command);
			return;
		}
		if (TenantContext.current().isEmpty()) {
			log.warn("Command {} to {} was sent with no tenant bound; not audited", command.path(), command.router());
			return;
		}
		CommandContext context = (scope != null) ? scope.context() : null;
		writeAll(context, List.of(command));
	}

	void writeAll(@Nullable CommandContext context, List<AuditedCommand> commands) {
		if (commands.isEmpty()) {
			return;
		}
		TenantId tenant = TenantContext.require();
		String sql = "INSERT INTO " + tenant.schemaName() + ".router_command_log (" + COLUMNS
				+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
		List<Object[]> rows = new ArrayList<>(commands.size());
		for (AuditedCommand command : commands) {
			String subject = (context != null && context.subject() != null) ? context.subject()
					: command.parameters().get("name");
			rows.add(new Object[] { UUID.randomUUID(), Timestamp.from(command.startedAt()),
					(context != null) ? context.routerId() : null, subject, command.path(),
					this.json.writeValueAsString(command.parameters()), command.outcome().name(),
					(command.errorCode() != null) ? command.errorCode().name() : null, truncate(command.errorMessage()),
					command.duration().toMillis(), (context != null) ? context.actor() : "system:unknown",
					(context != null) ? context.operationId() : null });
		}
		this.batch.batchUpdate(sql, rows);
	}

	/**
	 * Records an action taken on the platform's own records that the audit must show next
	 * to router commands, such as revealing a subscriber's password.
	 */
	public void recordPlatformAction(java.util.UUID routerId, String subject, String action, String actor) {
		AuditedCommand entry = new AuditedCommand("platform", action, java.util.Map.of("name", subject),
				AuditedCommand.Outcome.SUCCEEDED, null, null, this.clock.instant(), Duration.ZERO);
		writeAll(new CommandContext(routerId, actor, null, subject), List.of(entry));
	}

	/** Newest first, keyset-paged by (at, id) through {@code before}. */
	public List<CommandLogEntry> list(CommandLogFilter filter, @Nullable CommandLogEntry before, int limit) {
		TenantId tenant = TenantContext.require();
		StringBuilder sql = new StringBuilder(
				"SELECT " + COLUMNS + " FROM " + tenant.schemaName() + ".router_command_log WHERE true");
		List<Object> args = new ArrayList<>();
		if (filter.routerId() != null) {
			sql.append(" AND router_id = ?");
			args.add(filter.routerId());
		}
		if (filter.subscriber() != null) {
			sql.append(" AND subscriber = ?");
			args.add(filter.subscriber());
		}
		if (filter.action() != null) {
			sql.append(" AND action = ?");
			args.add(filter.action());
		}
		if (filter.outcome() != null) {
			sql.append(" AND outcome = ?");
			args.add(filter.outcome());
		}
		if (filter.from() != null) {
			sql.append(" AND at >= ?");
			args.add(Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND at < ?");
			args.add(Timestamp.from(filter.to()));
		}
		if (before != null) {
			sql.append(" AND (at, id) < (?, ?)");
			args.add(Timestamp.from(before.at()));
			args.add(before.id());
		}
		sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
		args.add(limit);
		return this.jdbc.sql(sql.toString()).params(args).query(RouterCommandLog::entry).list();
	}

	/** One entry of the current tenant, for cursors. */
	public @Nullable CommandLogEntry find(UUID id) {
		TenantId tenant = TenantContext.require();
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM " + tenant.schemaName() + ".router_command_log WHERE id = ?")
			.param(id)
			.query(RouterCommandLog::entry)
			.optional()
			.orElse(null);
	}

	/**
	 * Deletes the current tenant's entries older than {@code retention}; returns how many
	 * went.
	 */
	public int purgeOlderThan(Duration retention) {
		TenantId tenant = TenantContext.require();
		return this.jdbc.sql("DELETE FROM " + tenant.schemaName() + ".router_command_log WHERE at < ?")
			.param(Timestamp.from(this.clock.instant().minus(retention)))
			.update();
	}

	private static CommandLogEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new CommandLogEntry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
				rs.getObject("router_id", UUID.class), rs.getString("subscriber"), rs.getString("action"),
				rs.getString("parameters"), rs.getString("outcome"), rs.getString("error_code"), rs.getString("error"),
				rs.getLong("duration_ms"), rs.getString("actor"), rs.getObject("operation_id", UUID.class));
	}

	private static @Nullable String truncate(@Nullable String text) {
		return (text != null && text.length() > 2000) ? text.substring(0, 2000) : text;
	}

}
