package io.towerline.core.tenantmove;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.towerline.core.actor.Actor;
import io.towerline.core.audit.SecurityEventLog;
import io.towerline.core.audit.SecurityEventType;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.Tenant;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.core.tenancy.catalog.TenantStatus;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks for and reads tenant moves (ADR 0174). A move is recorded and its job scheduled in
 * one transaction on the main cluster, with its entry in the security event log; the job
 * ({@link TenantMoveSteps}) does the rest. Platform-admin territory.
 */
@Service
public class TenantMoves {

	/** The db-scheduler task that advances a move; the instance id is the move's id. */
	static final TaskDescriptor<String> TASK = TaskDescriptor.of("tenant-move", String.class);

	private final JdbcClient jdbc;

	private final TenantClusters clusters;

	private final TenantCatalog catalog;

	private final SchedulerClient scheduler;

	private final SecurityEventLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TenantMoves(JdbcClient jdbc, TenantClusters clusters, TenantCatalog catalog, SchedulerClient scheduler,
			SecurityEventLog audit, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.clusters = clusters;
		this.catalog = catalog;
		this.scheduler = scheduler;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Starts moving {@code tenant} to {@code toCluster}.
	 * @throws InvalidInputException {@code UNKNOWN_CLUSTER} for a cluster not configured
	 * @throws DomainException {@code INVALID_STATE} when the tenant is already there, is
	 * not in service, or is moving already; {@code NOT_FOUND} for an unknown tenant
	 */
	public TenantMove request(TenantId tenant, String toCluster, Actor actor) {
		return this.transactions.execute((tx) -> {
			TenantMove move = register(tenant, toCluster, actor);
			this.scheduler.scheduleIfNotExists(
					TASK.instance(move.id().toString()).data(move.id().toString()).scheduledTo(this.clock.instant()));
			return move;
		});
	}

	/** Records a move without scheduling its job (the job's steps are driven by hand). */
	TenantMove register(TenantId tenant, String toCluster, Actor actor) {
		String target = (toCluster != null) ? toCluster.strip() : "";
		if (!this.clusters.exists(target)) {
			throw new InvalidInputException(new FieldError("toCluster", ErrorCode.UNKNOWN_CLUSTER,
					"No cluster '" + target + "' is configured; known: " + String.join(", ", this.clusters.names())));
		}
		return this.transactions.execute((tx) -> {
			Tenant current = this.catalog.get(tenant);
			if (current.status() != TenantStatus.ACTIVE && current.status() != TenantStatus.SUSPENDED) {
				throw new DomainException(ErrorCode.INVALID_STATE,
						"Tenant " + tenant + " is " + current.status() + " and cannot be moved");
			}
			if (current.cluster().equals(target)) {
				throw new DomainException(ErrorCode.INVALID_STATE,
						"Tenant " + tenant + " is on cluster " + target + " already");
			}
			UUID id = UUID.randomUUID();
			Timestamp now = Timestamp.from(this.clock.instant());
			try {
				this.jdbc.sql("""
						INSERT INTO public.tenant_move (id, tenant, from_cluster, to_cluster, step, requested_by,
						  created_at, updated_at) VALUES (?, ?, ?, ?, 'REQUESTED', ?, ?, ?)""")
					.params(id, tenant.slug(), current.cluster(), target, actor.value(), now, now)
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw new DomainException(ErrorCode.INVALID_STATE, "Tenant " + tenant + " is being moved already");
			}
			this.audit.record(SecurityEventType.TENANT_MOVE_REQUESTED, tenant, actor, tenant.slug(),
					current.cluster() + " -> " + target);
			return find(id).orElseThrow();
		});
	}

	public Optional<TenantMove> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM public.tenant_move WHERE id = ?")
			.param(id)
			.query(TenantMoves::move)
			.optional();
	}

	/** The tenant's latest move, finished or not. */
	public Optional<TenantMove> latest(TenantId tenant) {
		return this.jdbc.sql("SELECT * FROM public.tenant_move WHERE tenant = ? ORDER BY created_at DESC LIMIT 1")
			.param(tenant.slug())
			.query(TenantMoves::move)
			.optional();
	}

	private static TenantMove move(ResultSet rs, int row) throws SQLException {
		return new TenantMove(rs.getObject("id", UUID.class), TenantId.of(rs.getString("tenant")),
				rs.getString("from_cluster"), rs.getString("to_cluster"), TenantMoveStep.valueOf(rs.getString("step")),
				rs.getString("requested_by"), rs.getObject("rows_copied", Long.class), rs.getString("error"),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

}
