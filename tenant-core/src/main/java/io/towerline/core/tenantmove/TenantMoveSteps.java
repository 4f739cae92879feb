package io.towerline.core.tenantmove;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.SecurityEventLog;
import io.towerline.core.audit.SecurityEventType;
import io.towerline.core.platformoutbox.OutboxDrain;
import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.placement.TableDigest;
import io.towerline.core.tenancy.placement.TenantSchemaCopy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Advances a move one step at a time (ADR 0174). Every step is idempotent and its step is
 * written after its work (in the same main-cluster transaction where the work is a
 * catalog change), so a job restarted after a crash redoes at most the step it was in:
 * the window and the switch are catalog updates, the copy replaces what a crashed copy
 * left, the drop is {@code IF EXISTS}. A copy or verification that fails rolls the move
 * back: the target copy is dropped and the tenant, never switched, is writable again.
 */
@Component
class TenantMoveSteps {

	private static final Logger log = LoggerFactory.getLogger(TenantMoveSteps.class);

	private static final int MAX_ERROR = 1000;

	/**
	 * How often a finished move tries again to deliver its outbox, as often as the sweep.
	 */
	private static final Duration OUTBOX_RETRY = Duration.ofSeconds(30);

	private final TenantMoves moves;

	private final TenantClusters clusters;

	private final TenantSchemaCopy copy;

	private final JdbcClient jdbc;

	private final SecurityEventLog audit;

	private final OutboxDrain outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TenantMoveSteps(TenantMoves moves, TenantClusters clusters, TenantSchemaCopy copy, JdbcClient jdbc,
			SecurityEventLog audit, TransactionTemplate transactions, Clock clock, OutboxDrain outbox) {
		this.moves = moves;
		this.clusters = clusters;
		this.copy = copy;
		this.jdbc = jdbc;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.outbox = outbox;
	}

	/**
	 * Does the move's next step.
	 * @return how long to wait before the next one, or empty when the move is finished
	 */
	Optional<Duration> advance(UUID id) {
		TenantMove move = this.moves.find(id).orElseThrow(() -> new IllegalStateException("No move " + id));
		TenantId tenant = move.tenant();
		// every replica reads the catalog again within the TTL; the margin lets
		// transactions begun on an older reading finish
		Duration settle = this.clusters.catalogTtl().multipliedBy(2);
		return switch (move.step()) {
			case REQUESTED -> {
				catalogStep(move, "move_window = true", TenantMoveStep.WINDOW_OPEN);
				yield Optional.of(settle);
			}
			case WINDOW_OPEN -> {
				Long rows = copyAndVerify(move);
				if (rows == null) {
					yield Optional.empty();
				}
				this.jdbc
					.sql("UPDATE public.tenant_move SET step = 'COPIED', rows_copied = ?, updated_at = ? "
							+ "WHERE id = ? AND step = 'WINDOW_OPEN'")
					.params(rows, now(), id)
					.update();
				yield Optional.of(Duration.ZERO);
			}
			case COPIED -> {
				catalogStep(move, "cluster = '" + move.toCluster() + "', version = version + 1",
						TenantMoveStep.SWITCHED);
				yield Optional.of(settle);
			}
			case SWITCHED -> {
				catalogStep(move, "move_window = false", TenantMoveStep.WINDOW_CLOSED);
				yield Optional.of(settle);
			}
			case WINDOW_CLOSED -> {
				// no replica routes to the old copy any more: it goes, rather than lie
				// around stale
				dropSchema(move.fromCluster(), tenant);
				// what the outbox still holds (a crash between a commit and its delivery)
				// goes now, before DONE says the move is complete: a tenant moved to main
				// is not visited by the sweep (ADR 0183), so the move waits and tries
				// again until it is delivered (ADR 0250); a crash before DONE drains
				// again
				if (!this.outbox.drainQuietly(tenant)) {
					yield Optional.of(OUTBOX_RETRY);
				}
				this.transactions.executeWithoutResult((tx) -> {
					setStep(move, TenantMoveStep.DONE, null);
					this.audit.record(SecurityEventType.TENANT_MOVED, tenant, Actor.of(move.requestedBy()),
							tenant.slug(),
							move.fromCluster() + " -> " + move.toCluster() + ", " + move.rowsCopied() + " rows");
				});
				yield Optional.empty();
			}
			case DONE, ROLLED_BACK -> Optional.empty();
		};
	}

	/**
	 * Whether this replica knows both clusters of the move: one whose configuration lacks
	 * one (a rolling change of {@code towerline.placement.clusters}) leaves the move to
	 * another rather than failing it.
	 */
	boolean runnableHere(UUID id) {
		return this.moves.find(id)
			.map((move) -> this.clusters.exists(move.fromCluster()) && this.clusters.exists(move.toCluster()))
			.orElse(true);
	}

	/** Advances until the move waits or is finished; returns the wait, if any. */
	Optional<Duration> advanceWhileDue(UUID id) {
		Optional<Duration> next = advance(id);
		while (next.isPresent() && next.get().isZero()) {
			next = advance(id);
		}
		return next;
	}

	private void catalogStep(TenantMove move, String change, TenantMoveStep next) {
		this.transactions.executeWithoutResult((tx) -> {
			// the change comes from this class and a validated cluster name, never from
			// the caller as typed
			this.jdbc.sql("UPDATE public.tenant SET " + change + ", updated_at = ? WHERE slug = ?")
				.params(now(), move.tenant().slug())
				.update();
			setStep(move, next, null);
		});
		this.clusters.forget(move.tenant());
	}

	private @Nullable Long copyAndVerify(TenantMove move) {
		TenantId tenant = move.tenant();
		DataSource source = this.clusters.dataSource(move.fromCluster());
		DataSource target = this.clusters.dataSource(move.toCluster());
		try {
			Map<String, Long> copied = this.copy.copy(tenant, source, target);
			for (String table : copied.keySet()) {
				String expected = TableDigest.of(source, tenant.schemaName(), table);
				String actual = TableDigest.of(target, tenant.schemaName(), table);
				if (!expected.equals(actual)) {
					throw new IllegalStateException("Table " + table + " differs after the copy");
				}
			}
			return copied.values().stream().mapToLong(Long::longValue).sum();
		}
		catch (RuntimeException ex) {
			rollBack(move, ex);
			return null;
		}
	}

	private void rollBack(TenantMove move, RuntimeException cause) {
		TenantId tenant = move.tenant();
		String reason = String.valueOf(cause.getMessage());
		log.warn("Move of tenant {} to {} failed, rolling back: {}", tenant, move.toCluster(), reason);
		dropSchema(move.toCluster(), tenant);
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("UPDATE public.tenant SET move_window = false, updated_at = ? WHERE slug = ?")
				.params(now(), tenant.slug())
				.update();
			setStep(move, TenantMoveStep.ROLLED_BACK,
					(reason.length() > MAX_ERROR) ? reason.substring(0, MAX_ERROR) : reason);
			this.audit.record(SecurityEventType.TENANT_MOVE_FAILED, tenant, Actor.of(move.requestedBy()), tenant.slug(),
					"to " + move.toCluster() + ": " + reason);
		});
		this.clusters.forget(tenant);
	}

	private void dropSchema(String cluster, TenantId tenant) {
		// the schema name comes from a validated TenantId
		JdbcClient.create(this.clusters.dataSource(cluster))
			.sql("DROP SCHEMA IF EXISTS \"" + tenant.schemaName() + "\" CASCADE")
			.update();
	}

	private void setStep(TenantMove move, TenantMoveStep step, @Nullable String error) {
		this.jdbc.sql("UPDATE public.tenant_move SET step = ?, error = ?, updated_at = ? WHERE id = ?")
			.params(step.name(), error, now(), move.id())
			.update();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}
