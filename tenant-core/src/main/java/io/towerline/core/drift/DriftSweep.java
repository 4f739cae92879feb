package io.towerline.core.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import io.towerline.core.sweep.FixedRate;
import io.towerline.core.sweep.PacedSweeps;
import io.towerline.core.sweep.TenantSweeps;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled drift sweep ({@code towerline.drift.interval}, one replica at a time
 * through db-scheduler, started at a fixed rate): each tenant's old reports are purged,
 * then every router of every active tenant is checked, the checks spread over most of the
 * interval and a bounded number at once (ADR 0263).
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
			TenantSweeps sweeps, PacedSweeps paced, TransactionTemplate transactions, DriftProperties properties) {
		return Tasks.recurring("drift-check-sweep", FixedRate.of(properties.interval()))
			.execute((instance, context) -> sweep(checks.getObject(), reports, routers, sweeps, paced, transactions,
					properties, () -> context.getSchedulerState().isShuttingDown()));
	}

	/**
	 * Purges each tenant's old reports, then checks every router, the checks' starts
	 * spread over most of the interval (ADR 0263).
	 */
	static void sweep(DriftChecks checks, DriftReports reports, Routers routers, TenantSweeps sweeps, PacedSweeps paced,
			TransactionTemplate transactions, DriftProperties properties, BooleanSupplier stopping) {
		sweeps.forEachTenant("Drift report purge",
				(tenant) -> transactions.execute((tx) -> reports.purgeOlderThan(properties.retention())));
		paced.run("Drift sweep", "Drift check of router", () -> routerIds(routers), checks::scheduled,
				properties.concurrency(), properties.interval(), stopping);
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
