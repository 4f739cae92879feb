package io.towerline.core.backup;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.towerline.core.actor.Actor;
import io.towerline.core.operation.OperationRequest;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.router.Routers;
import io.towerline.core.sweep.FixedRate;
import io.towerline.core.sweep.PacedSweeps;
import io.towerline.core.tenancy.TenantContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled backup sweep ({@code towerline.backup.sweep-interval}, one replica at a
 * time through db-scheduler, started at a fixed rate): per active tenant, prunes to
 * retention and, when the tenant's schedule is on, lists every router whose newest backup
 * is older than the tenant's interval and that has none queued already; then queues their
 * BACKUP_ROUTER operations spread over most of the sweep's interval (ADR 0266), as the
 * health and drift sweeps start their work (ADR 0263). A tenant whose routers share a
 * schedule has them all due together: queued at once, the operation workers took them as
 * one burst.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupProperties.class)
class BackupSweep {

	/** Who scheduled backups act as. */
	static final Actor SCHEDULED_ACTOR = Actor.system("backup-schedule");

	/**
	 * Queueing a backup is one short transaction; the pacing, not this, sets the rate.
	 */
	static final int QUEUED_AT_ONCE = 2;

	/** A router's backup operation not yet finished. */
	private static final String IN_FLIGHT = "kind = 'BACKUP_ROUTER' AND status IN ('QUEUED', 'RUNNING', 'WAITING_FOR_ROUTER')";

	@Bean
	RecurringTask<Void> backupSweepTask(ObjectProvider<BackupSweep.Run> run, BackupProperties properties) {
		return Tasks.recurring("backup-sweep", FixedRate.of(properties.sweepInterval()))
			.execute((instance, context) -> run.getObject().sweep(() -> context.getSchedulerState().isShuttingDown()));
	}

	@Bean
	Run backupSweepRun(PacedSweeps paced, BackupSchedule schedule, BackupRetention retention, Routers routers,
			ObjectProvider<RouterOperations> operations, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			BackupProperties properties) {
		return new Run(paced, schedule, retention, routers, operations, jdbc, transactions, clock, properties);
	}

	/** One sweep over every active tenant. */
	record Run(PacedSweeps paced, BackupSchedule schedule, BackupRetention retention, Routers routers,
			ObjectProvider<RouterOperations> operations, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			BackupProperties properties) {

		/**
		 * Lists every active tenant's due routers, then queues their backups paced;
		 * returns once the last is queued. When {@code stopping} turns true the routers
		 * not yet queued wait for the next sweep.
		 */
		void sweep(BooleanSupplier stopping) {
			this.paced.run("Backup sweep", "Scheduled backup of router", this::dueRouters, this::queue, QUEUED_AT_ONCE,
					this.properties.sweepInterval(), stopping);
		}

		/**
		 * Prunes the current tenant's backups to retention.
		 * @return its routers due for a scheduled backup with none queued, in the
		 * routers' stable order; none while its schedule is off
		 */
		List<UUID> dueRouters() {
			this.retention.prune();
			BackupSettings settings = this.schedule.settings();
			if (!settings.enabled()) {
				return List.of();
			}
			Instant due = this.clock.instant().minus(settings.interval());
			return this.transactions.execute((tx) -> {
				Map<UUID, Instant> lastTaken = new HashMap<>();
				for (Object[] row : this.schedule.lastTakenPerRouter()) {
					lastTaken.put((UUID) row[0], (Instant) row[1]);
				}
				Set<UUID> queued = new HashSet<>(
						this.jdbc.sql("SELECT router_id FROM " + schema() + ".router_operation WHERE " + IN_FLIGHT)
							.query(UUID.class)
							.list());
				return this.routers.ids().stream().filter((routerId) -> {
					Instant last = lastTaken.get(routerId);
					return !queued.contains(routerId) && (last == null || last.isBefore(due));
				}).toList();
			});
		}

		/**
		 * Queues a listed router's scheduled backup, unless in the minutes since it was
		 * listed the schedule was turned off, the router was deleted or a backup of it
		 * was queued (someone asked for one).
		 */
		void queue(UUID routerId) {
			this.transactions.executeWithoutResult((tx) -> {
				if (this.schedule.settings().enabled() && stillUnqueued(routerId)) {
					this.operations.getObject()
						.enqueue(OperationRequest.backupRouter(routerId, "ALL", SCHEDULED_ACTOR));
				}
			});
		}

		private boolean stillUnqueued(UUID routerId) {
			return this.jdbc
				.sql("SELECT EXISTS (SELECT 1 FROM " + schema() + ".router r WHERE r.id = :id"
						+ " AND NOT EXISTS (SELECT 1 FROM " + schema() + ".router_operation WHERE router_id = r.id AND "
						+ IN_FLIGHT + "))")
				.param("id", routerId)
				.query(Boolean.class)
				.single();
		}

		private static String schema() {
			return TenantContext.require().schemaName();
		}

	}

}
