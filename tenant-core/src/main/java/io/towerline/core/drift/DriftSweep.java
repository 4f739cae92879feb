package io.towerline.core.drift;

import java.util.function.BooleanSupplier;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.towerline.core.router.Routers;
import io.towerline.core.sweep.FixedRate;
import io.towerline.core.sweep.PacedSweeps;
import io.towerline.core.sweep.TenantSweeps;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
		paced.run("Drift sweep", "Drift check of router", routers::ids, checks::scheduled, properties.concurrency(),
				properties.interval(), stopping);
	}

}
