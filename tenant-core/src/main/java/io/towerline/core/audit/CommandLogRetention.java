package io.towerline.core.audit;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.towerline.core.sweep.TenantSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes audit entries past the retention period ({@code towerline.audit.retention}, 90
 * days by default), hourly.
 */
@Configuration(proxyBeanMethods = false)
class CommandLogRetention {

	private static final Logger log = LoggerFactory.getLogger(CommandLogRetention.class);

	@Bean
	RecurringTask<Void> commandLogRetentionTask(RouterCommandLog commandLog, TenantSweeps sweeps,
			@Value("${towerline.audit.retention:90d}") Duration retention) {
		return Tasks.recurring("command-log-retention", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> sweeps.forEachTenant("Command log purge", (tenant) -> {
				int purged = commandLog.purgeOlderThan(retention);
				if (purged > 0) {
					log.info("Purged {} command log entries of tenant {} older than {}", purged, tenant, retention);
				}
			}));
	}

}
