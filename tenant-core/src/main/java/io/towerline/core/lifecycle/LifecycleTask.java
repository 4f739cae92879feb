package io.towerline.core.lifecycle;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.towerline.core.sweep.TenantSweeps;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled evaluation ({@code towerline.lifecycle.interval}), one replica at a time
 * through db-scheduler; a second evaluator at the same moment (a replica that missed the
 * hand-over, a test) cannot take the same subscriber because rows are claimed with SKIP
 * LOCKED.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LifecycleProperties.class)
class LifecycleTask {

	@Bean
	RecurringTask<Void> lifecycleEvaluationTask(ObjectProvider<LifecycleEvaluation> evaluation, TenantSweeps sweeps,
			Clock clock, LifecycleProperties properties) {
		return Tasks.recurring("lifecycle-evaluation", FixedDelay.of(properties.interval()))
			.execute((instance, context) -> sweeps.forEachTenant("Lifecycle evaluation",
					(tenant) -> evaluation.getObject().evaluateDue(clock.instant())));
	}

}
