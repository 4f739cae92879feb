package io.towerline.core.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled drift sweep ({@code towerline.drift.interval}, one replica at a time
 * through db-scheduler): every router of every active tenant, a bounded number at once,
 * then the tenant's old reports are purged.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DriftProperties.class)
class DriftSweep {

	/**
	 * The checks are looked up when the task runs: they enqueue operations through the
	 * scheduler that this task is registered with.
	 */
	@Bean
	RecurringTask<Void> driftCheckSweep(ObjectProvider<DriftChecks> checks, DriftReports reports, Routers routers,
			TenantSweeps sweeps, TransactionTemplate transactions, DriftProperties properties) {
		return Tasks.recurring("drift-check-sweep", FixedDelay.of(properties.interval()))
			.execute((instance, context) -> sweep(checks.getObject(), reports, routers, sweeps, transactions,
					properties));
	}

	static void sweep(DriftChecks checks, DriftReports reports, Routers routers, TenantSweeps sweeps,
			TransactionTemplate transactions, DriftProperties properties) {
		Semaphore permits = new Semaphore(properties.concurrency());
		try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
			sweeps.forEachTenant("Drift sweep", (tenant) -> {
				transactions.execute((tx) -> reports.purgeOlderThan(properties.retention()));
				for (UUID routerId : routerIds(routers)) {
					workers.submit(() -> {
						permits.acquireUninterruptibly();
						try {
							TenantContext.runAs(tenant, () -> checks.scheduled(routerId));
							sweeps.worked("Drift check of router " + routerId, tenant);
						}
						catch (RuntimeException ex) {
							sweeps.failed("Drift check of router " + routerId, tenant, ex);
						}
						finally {
							permits.release();
						}
					});
				}
			});
		}
	}

	private static List<UUID> routerIds(Routers routers) {
		List<UUID> ids = new ArrayList<>();
		ScrollPosition position = ScrollPosition.keyset();
		Window<Router> page;
		do {
			page = routers.list(position, 100);
			page.forEach((router) -> ids.add(router.id()));
			if (page.hasNext()) {
				position = page.positionAt(page.size() - 1);
			}
		}
		while (page.hasNext());
		return ids;
	}

}
