package io.towerline.core.usage;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recurring task that keeps usage and session history tables in shape (one replica at
 * a time, as every db-scheduler task).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsageProperties.class)
class UsageConfiguration {

	@Bean
	RecurringTask<Void> usageMaintenanceTask(UsageMaintenance maintenance, UsageProperties properties) {
		return Tasks.recurring("usage-maintenance", FixedDelay.of(properties.maintenanceInterval()))
			.execute((instance, context) -> maintenance.runAll());
	}

}
