package io.towerline.core.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.wording.Counted;
import io.towerline.mikrotik.RouterErrorCode;
import io.towerline.mikrotik.audit.AuditedCommand;
import io.towerline.mikrotik.audit.CommandIntent;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives every command the adapter sends (but the reads of routine, periodic work: ADR
 * 0132) and writes it to the bound tenant's {@code router_command_log}, attributed
 * through the thread's {@link CommandContext}: first its intent (outcome
 * {@link CommandOutcome#UNKNOWN}), committed on its own before the command leaves, then
 * its outcome over the same row. A crash between the two leaves the row UNKNOWN: the
 * command may or may not have been applied, but it is on record. Commands sent with no
 * tenant bound (there should be none) are logged as a warning rather than lost silently.
 * Also answers queries and enforces retention.
 */
@Component
public class RouterCommandLog implements RouterCommandAuditor {

	private static final Logger log = LoggerFactory.getLogger(RouterCommandLog.class);

	private static final String COLUMNS = "id, at, router_id, subscriber, action, parameters, outcome, error_code, "
			+ "error, duration_ms, actor, operation_id";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	/** Writes the rows' parameters and reads them back for their targets. */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Clock clock;

	/**
	 * Intents and outcomes commit on their own: a command sent from inside a transaction
	 * that later rolls back was still sent.
	 */
	private final TransactionTemplate ownTransaction;

	RouterCommandLog(JdbcClient jdbc, JdbcTemplate batch, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void commandsSending(List<CommandIntent> commands) {
		if (TenantContext.current().isEmpty()) {
			log.warn("{} to {} sent with no tenant bound; not audited", Counted.of(commands.size(), "command"),
					commands.get(0).router());
			return;
		}
		CommandContext.Scope scope = CommandContext.current();
		CommandContext context = (scope != null) ? scope.context() : null;
		if (context == null) {
			// every path that talks to a router opens a context; one that does not
			// is a bug whose rows cannot say who asked or which router
			log.warn("{} ({}) sent with no command context; recorded as {}", Counted.of(commands.size(), "command"),
					commands.get(0).path(), Actor.UNKNOWN);
		}
		List<Object[]> rows = new ArrayList<>(commands.size());
		for (CommandIntent intent : commands) {
			rows.add(row(context, intent.id(), intent.at(), intent.path(), intent.parameters(),
					CommandOutcome.UNKNOWN.name(), null, null, Duration.ZERO));
		}
		insert(rows);
	}

	/** Reads in a routine-reads context go unrecorded (ADR 0132). */
	@Override
	public boolean omitsReadsNow() {
		CommandContext.Scope scope = CommandContext.current();
		return scope != null && scope.routineReads();
	}

	@Override
	public void commandCompleted(AuditedCommand command) {
		commandsCompleted(List.of(command));
	}

	/** Writes the outcomes over their intents, in one batch. */
	@Override
	public void commandsCompleted(List<AuditedCommand> commands) {
		if (commands.isEmpty() || TenantContext.current().isEmpty()) {
			return;
		}
		TenantId tenant = TenantContext.require();
		// one statement for the whole batch; RETURNING tells which outcomes had an intent
		String sql = "UPDATE " + tenant.schemaName() + ".router_command_log AS log SET outcome = o.outcome, "
				+ "error_code = o.error_code, error = o.error, duration_ms = o.duration_ms "
				+ "FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[]) "
				+ "AS o(id, outcome, error_code, error, duration_ms) WHERE log.id = o.id RETURNING log.id";
		int size = commands.size();
		UUID[] ids = new UUID[size];
		String[] outcomes = new String[size];
		String[] codes = new String[size];
		String[] errors = new String[size];
		Long[] durations = new Long[size];
		for (int i = 0; i < size; i++) {
			AuditedCommand command = commands.get(i);
			ids[i] = command.id();
			outcomes[i] = command.outcome().name();
			codes[i] = (command.errorCode() != null) ? command.errorCode().name() : null;
			errors[i] = truncate(command.errorMessage());
			durations[i] = command.duration().toMillis();
		}
		List<UUID> updated = this.ownTransaction.execute((
				status) -> this.jdbc.sql(sql).params(ids, outcomes, codes, errors, durations).query(UUID.class).list());
		Set<UUID> recorded = (updated != null) ? Set.copyOf(updated) : Set.of();
		if (recorded.size() < size) {
			insertUnrecorded(commands.stream().filter((command) -> !recorded.contains(command.id())).toList());
		}
	}

	/**
	 * An outcome whose intent is not on record (an auditor wired after the intent was
	 * sent, say) is written whole rather than lost.
	 */
	private void insertUnrecorded(List<AuditedCommand> commands) {
		CommandContext.Scope scope = CommandContext.current();
		CommandContext context = (scope != null) ? scope.context() : null;
		insert(commands.stream()
			.map((command) -> row(context, command.id(), command.startedAt(), command.path(), command.parameters(),
					command.outcome().name(), command.errorCode(), command.errorMessage(), command.duration()))
			.toList());
	}

	private void insert(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		TenantId tenant = TenantContext.require();
		String sql = "INSERT INTO " + tenant.schemaName() + ".router_command_log (" + COLUMNS
				+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
		this.ownTransaction.executeWithoutResult((status) -> this.batch.batchUpdate(sql, rows));
	}

	private Object[] row(@Nullable CommandContext context, UUID id, Instant at, String path,
			Map<String, String> parameters, String outcome, @Nullable RouterErrorCode errorCode, @Nullable String error,
			Duration duration) {
		// the subscriber column holds a subscriber or nothing: never a profile's, pool's
		// or file's name
		String subscriber = CommandTarget
			.subscriberOf(CommandTarget.of(path, parameters, (context != null) ? context.subject() : null));
		return new Object[] { id, Timestamp.from(at), (context != null) ? context.routerId() : null, subscriber, path,
				JSON.writeValueAsString(parameters), outcome, (errorCode != null) ? errorCode.name() : null,
				truncate(error), duration.toMillis(), ((context != null) ? context.actor() : Actor.UNKNOWN).value(),
				(context != null) ? context.operationId() : null };
	}

	/**
	 * Records an action taken on the platform's own records that the audit must show next
	 * to router commands, such as revealing a subscriber's password.
	 */
	public void recordPlatformAction(UUID routerId, String subject, String action, Actor actor) {
		recordPlatform(new CommandContext(routerId, actor, null, subject), action, Map.of("name", subject));
	}

	/**
	 * Records what a check of a router found, as one entry whose parameters say what (a
	 * drift check that found drift: ADR 0258), in the caller's transaction.
	 */
	public void recordFinding(UUID routerId, String action, Map<String, String> findings, Actor actor) {
		recordPlatform(new CommandContext(routerId, actor, null, null), action, findings);
	}

	private void recordPlatform(CommandContext context, String action, Map<String, String> parameters) {
		TenantId tenant = TenantContext.require();
		this.batch.update(
				"INSERT INTO " + tenant.schemaName() + ".router_command_log (" + COLUMNS
						+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				row(context, UUID.randomUUID(), this.clock.instant(), action, parameters,
						AuditedCommand.Outcome.SUCCEEDED.name(), null, null, Duration.ZERO));
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

	/**
	 * The target is read from the row's command each time, so rows written before it was
	 * (whose subscriber column could hold a profile's or pool's name) read truthfully
	 * too.
	 */
	private static CommandLogEntry entry(ResultSet rs, int row) throws SQLException {
		String action = rs.getString("action");
		String parameters = rs.getString("parameters");
		CommandTarget target = CommandTarget.of(action, parametersOf(parameters), rs.getString("subscriber"));
		return new CommandLogEntry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
				rs.getObject("router_id", UUID.class), CommandTarget.subscriberOf(target), target, action, parameters,
				rs.getString("outcome"), rs.getString("error_code"), rs.getString("error"), rs.getLong("duration_ms"),
				rs.getString("actor"), rs.getObject("operation_id", UUID.class));
	}

	private static Map<String, String> parametersOf(String json) {
		Map<String, String> parameters = new LinkedHashMap<>();
		JSON.readTree(json)
			.properties()
			.forEach((field) -> parameters.put(field.getKey(), field.getValue().asString()));
		return parameters;
	}

	private static @Nullable String truncate(@Nullable String text) {
		return (text != null && text.length() > 2000) ? text.substring(0, 2000) : text;
	}

}
