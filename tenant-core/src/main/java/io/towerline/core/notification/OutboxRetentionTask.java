package io.towerline.core.notification;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.towerline.core.sweep.TenantSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox purge ({@code towerline.notification.retention.interval}), one replica at a
 * time through db-scheduler, tenant after tenant.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxRetentionProperties.class)
class OutboxRetentionTask {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetentionTask.class);

	@Bean
	RecurringTask<Void> outboxRetentionPurgeTask(ObjectProvider<OutboxRetention> retention, TenantSweeps sweeps,
			Clock clock, OutboxRetentionProperties properties) {
		return Tasks.recurring("outbox-retention", FixedDelay.of(properties.interval()))
			.execute((instance, context) -> sweeps.forEachTenant("Purging the outbox", (tenant) -> {
				int deleted = retention.getObject().purge(clock.instant());
				if (deleted > 0) {
					log.info("Purged {} finished outbox messages of tenant {}", deleted, tenant);
				}
			}));
	}

}
