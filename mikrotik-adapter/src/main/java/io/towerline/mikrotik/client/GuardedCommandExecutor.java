package io.towerline.mikrotik.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.function.Consumer;

import io.towerline.mikrotik.RouterCapabilities;
import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterProtocolException;
import io.towerline.mikrotik.RouterStream;
import io.towerline.mikrotik.audit.AuditedCommand;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.CommandExecutor;
import io.towerline.mikrotik.command.CommandOutcome;
import io.towerline.mikrotik.command.Reply;
import io.towerline.mikrotik.command.Row;
import io.towerline.mikrotik.connection.RouterConnection;
import org.jspecify.annotations.Nullable;

/**
 * Runs commands for one router through throttle, circuit breaker, pool, read retries and
 * the audit hook, in that order. The throttle comes first so that a caller waiting for
 * budget never holds the breaker's half-open trial.
 */
final class GuardedCommandExecutor implements CommandExecutor {

	private final String router;

	private final RouterClientSettings settings;

	private final RouterConnectionPool pool;

	private final RouterCircuitBreaker breaker;

	private final CommandThrottle throttle;

	private final CommandAudit audit;

	private final CapabilityProbe capabilities;

	/**
	 * Connections whose loss the breaker has already counted. Every command multiplexed
	 * on a connection fails when it breaks; that is one failure of the router, not one
	 * per command (otherwise eight workers sharing a connection open the breaker at the
	 * first dropped connection of a mostly working router).
	 */
	private final Set<RouterConnection> countedLosses = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	GuardedCommandExecutor(String router, RouterClientSettings settings, RouterConnectionPool pool,
			RouterCircuitBreaker breaker, CommandThrottle throttle, CommandAudit audit, CapabilityProbe capabilities) {
		this.router = router;
		this.settings = settings;
		this.pool = pool;
		this.breaker = breaker;
		this.throttle = throttle;
		this.audit = audit;
		this.capabilities = capabilities;
	}

	@Override
	public Reply execute(Command command) {
		int attempt = 1;
		while (true) {
			try {
				return attempt(command);
			}
			catch (RouterException ex) {
				if (!this.settings.readRetry().shouldRetry(command.isRead(), ex, attempt)) {
					throw ex;
				}
				pause(this.settings.readRetry().backoff(attempt), ex);
				attempt++;
			}
		}
	}

	private Reply attempt(Command command) {
		this.throttle.acquire(this.settings.commandTimeout());
		this.breaker.acquire();
		UUID id = recordIntent(command);
		Instant startedAt = Instant.now();
		long started = System.nanoTime();
		RouterConnection connection = null;
		try {
			connection = this.pool.acquire();
			Reply reply = connection.execute(command, this.settings.commandTimeout());
			this.breaker.recordSuccess(System.nanoTime() - started);
			this.audit.record(id, command, startedAt, System.nanoTime() - started, null);
			return reply;
		}
		catch (RouterException ex) {
			settle(ex, connection, System.nanoTime() - started);
			this.audit.record(id, command, startedAt, System.nanoTime() - started, ex);
			throw ex;
		}
	}

	@Override
	public RouterStream stream(Command command, Consumer<Row> onRow, Consumer<RouterException> onError) {
		this.throttle.acquire(this.settings.commandTimeout());
		this.breaker.acquire();
		UUID id = recordOpening(command);
		Instant startedAt = Instant.now();
		long started = System.nanoTime();
		RouterConnection connection = null;
		try {
			connection = this.pool.acquire();
			RouterStream stream = connection.stream(command, onRow, onError);
			this.breaker.recordSuccess(System.nanoTime() - started);
			this.audit.record(id, command, startedAt, System.nanoTime() - started, null);
			return stream;
		}
		catch (RouterException ex) {
			settle(ex, connection, System.nanoTime() - started);
			this.audit.record(id, command, startedAt, System.nanoTime() - started, ex);
			throw ex;
		}
	}

	/**
	 * The intent is on record before anything is written to the router; if it cannot be
	 * recorded, nothing is sent and the breaker's permit is given back.
	 */
	private UUID recordIntent(Command command) {
		try {
			return this.audit.sending(command);
		}
		catch (RuntimeException ex) {
			this.breaker.release();
			throw ex;
		}
	}

	private UUID recordOpening(Command command) {
		try {
			return this.audit.opening(command);
		}
		catch (RuntimeException ex) {
			this.breaker.release();
			throw ex;
		}
	}

	private List<UUID> recordIntents(List<Command> commands) {
		try {
			return this.audit.sending(commands);
		}
		catch (RuntimeException ex) {
			this.breaker.release();
			throw ex;
		}
	}

	@Override
	public List<CommandOutcome> pipeline(List<Command> commands) {
		if (commands.isEmpty()) {
			return List.of();
		}
		this.breaker.acquire();
		List<UUID> ids = recordIntents(commands);
		long started = System.nanoTime();
		RouterConnection connection;
		try {
			connection = this.pool.acquire();
		}
		catch (RouterException ex) {
			settle(ex, null, System.nanoTime() - started);
			List<AuditedCommand> outcomes = new ArrayList<>(commands.size());
			for (int i = 0; i < commands.size(); i++) {
				outcomes.add(this.audit.audited(ids.get(i), commands.get(i), Instant.now(), 0, ex));
			}
			this.audit.recordAll(outcomes);
			return commands.stream().map((command) -> new CommandOutcome(command, null, ex)).toList();
		}
		PipelinedBatch batch = new PipelinedBatch(connection, this.throttle, this.settings);
		List<PipelinedBatch.Timed> results = batch.run(commands);
		RouterException transportFailure = null;
		List<AuditedCommand> outcomes = new ArrayList<>(results.size());
		for (int i = 0; i < results.size(); i++) {
			PipelinedBatch.Timed result = results.get(i);
			RouterException error = result.outcome().error();
			if (transportFailure == null && error != null && !(error instanceof RouterCommandRejectedException)) {
				transportFailure = error;
			}
			outcomes.add(this.audit.audited(ids.get(i), result.outcome().command(), result.startedAt(),
					result.elapsedNanos(), error));
		}
		this.audit.recordAll(outcomes);
		if (transportFailure != null) {
			settle(transportFailure, connection, System.nanoTime() - started);
		}
		else {
			this.breaker.recordSuccess(System.nanoTime() - started);
		}
		return results.stream().map(PipelinedBatch.Timed::outcome).toList();
	}

	@Override
	public RouterCapabilities capabilities() {
		RouterCapabilities known = this.capabilities.current();
		if (known == null) {
			this.capabilities.accept(execute(CapabilityProbe.RESOURCE));
			known = this.capabilities.current();
		}
		if (known == null) {
			throw new RouterProtocolException(this.router, "the router did not report a RouterOS version", null);
		}
		return known;
	}

	@Override
	public String router() {
		return this.router;
	}

	/**
	 * A trap proves the router alive; anything else is a transport failure for the
	 * breaker, counted once per lost connection. A loss already counted gives the permit
	 * back, so a half-open trial is never left held by a call that recorded nothing.
	 */
	private void settle(RouterException failure, @Nullable RouterConnection connection, long elapsedNanos) {
		if (failure instanceof RouterCommandRejectedException) {
			this.breaker.recordSuccess(elapsedNanos);
		}
		else if (connection == null || connection.isOpen() || this.countedLosses.add(connection)) {
			this.breaker.recordFailure(elapsedNanos, failure);
		}
		else {
			this.breaker.release();
		}
	}

	private static void pause(Duration backoff, RouterException cause) {
		try {
			Thread.sleep(backoff);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw cause;
		}
	}

	@Nullable RouterCapabilities knownCapabilities() {
		return this.capabilities.current();
	}

}
