package io.towerline.core.platformoutbox;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delivers what a crash left in outboxes: entries are normally delivered right after
 * their transaction commits, so this finds work only after a replica died between the
 * two. It visits only tenants placed off main (nothing at all without further clusters).
 */
@Configuration(proxyBeanMethods = false)
class OutboxSweep {

	@Bean
	RecurringTask<Void> platformOutboxSweepTask(ObjectProvider<OutboxDrain> drain, TenantClusters clusters,
			@Value("${towerline.placement.outbox-sweep-interval:30s}") Duration interval) {
		return Tasks.recurring("platform-outbox-sweep", FixedDelay.of(interval)).execute((instance, context) -> {
			if (!clusters.routing()) {
				return;
			}
			for (TenantId tenant : clusters.placedOffMain()) {
				drain.getObject().drainQuietly(tenant);
			}
		});
	}

}
