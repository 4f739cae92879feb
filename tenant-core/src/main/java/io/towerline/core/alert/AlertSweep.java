package io.towerline.core.alert;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alert sweep as a db-scheduler recurring task ({@code towerline.alerts.interval}):
 * one replica at a time runs it, so each tenant is evaluated once per interval however
 * many replicas there are.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
class AlertSweep {

	/**
	 * The sweeper is looked up when the task runs: it enqueues operations through the
	 * scheduler this task is registered with.
	 */
	@Bean
	RecurringTask<Void> alertSweepTask(ObjectProvider<AlertSweeper> sweeper, AlertProperties properties, Clock clock) {
		return Tasks.recurring("alert-sweep", FixedDelay.of(properties.interval()))
			.execute((instance, context) -> sweeper.getObject().sweep(clock.instant()));
	}

}
