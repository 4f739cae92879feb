package io.towerline.core.backup;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.towerline.core.actor.Actor;
import io.towerline.core.operation.OperationRequest;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import io.towerline.core.sweep.TenantSweeps;
import io.towerline.core.tenancy.TenantContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled backup sweep ({@code towerline.backup.sweep-interval}, one replica at a
 * time through db-scheduler): per active tenant, prunes to retention, then, when the
 * tenant's schedule is on, queues a BACKUP_ROUTER operation for every router whose newest
 * backup is older than the tenant's interval and that has none queued already. Taking the
 * backups is the operations' work, so a sweep over a big fleet only writes rows.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupProperties.class)
class BackupSweep {

	/** Who scheduled backups act as. */
	static final Actor SCHEDULED_ACTOR = Actor.system("backup-schedule");

	@Bean
	RecurringTask<Void> backupSweepTask(ObjectProvider<BackupSweep.Run> run, BackupProperties properties) {
		return Tasks.recurring("backup-sweep", FixedDelay.of(properties.sweepInterval()))
			.execute((instance, context) -> run.getObject().sweep());
	}

	@Bean
	Run backupSweepRun(TenantSweeps sweeps, BackupSchedule schedule, BackupRetention retention, Routers routers,
			ObjectProvider<RouterOperations> operations, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock) {
		return new Run(sweeps, schedule, retention, routers, operations, jdbc, transactions, clock);
	}

	/** One sweep over every active tenant. */
	record Run(TenantSweeps sweeps, BackupSchedule schedule, BackupRetention retention, Routers routers,
			ObjectProvider<RouterOperations> operations, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock) {

		void sweep() {
			this.sweeps.forEachTenant("Backup sweep", (tenant) -> sweepTenant());
		}

		/**
		 * @return how many routers were queued for a backup
		 */
		int sweepTenant() {
			this.retention.prune();
			BackupSettings settings = this.schedule.settings();
			if (!settings.enabled()) {
				return 0;
			}
			Instant due = this.clock.instant().minus(settings.interval());
			return this.transactions.execute((tx) -> {
				Map<UUID, Instant> lastTaken = new HashMap<>();
				for (Object[] row : this.schedule.lastTakenPerRouter()) {
					lastTaken.put((UUID) row[0], (Instant) row[1]);
				}
				Set<UUID> queued = new HashSet<>(this.jdbc
					.sql("SELECT router_id FROM " + TenantContext.require().schemaName()
							+ ".router_operation WHERE kind = 'BACKUP_ROUTER'"
							+ " AND status IN ('QUEUED', 'RUNNING', 'WAITING_FOR_ROUTER')")
					.query(UUID.class)
					.list());
				int enqueued = 0;
				for (UUID routerId : routerIds()) {
					Instant last = lastTaken.get(routerId);
					if (!queued.contains(routerId) && (last == null || last.isBefore(due))) {
						this.operations.getObject()
							.enqueue(OperationRequest.backupRouter(routerId, "ALL", SCHEDULED_ACTOR));
						enqueued++;
					}
				}
				return enqueued;
			});
		}

		private List<UUID> routerIds() {
			List<UUID> ids = new ArrayList<>();
			ScrollPosition position = ScrollPosition.keyset();
			Window<Router> page;
			do {
				page = this.routers.list(position, 500);
				page.forEach((router) -> ids.add(router.id()));
				if (page.hasNext()) {
					position = page.positionAt(page.size() - 1);
				}
			}
			while (page.hasNext());
			return ids;
		}

	}

}
