package io.towerline.core.platformoutbox;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Makes {@link OutboxSchedulerClient} the {@link SchedulerClient} services receive; the
 * scheduler itself stays the bean that runs jobs.
 */
@Configuration(proxyBeanMethods = false)
class OutboxSchedulerConfiguration {

	@Bean
	@Primary
	SchedulerClient outboxSchedulerClient(ObjectProvider<Scheduler> scheduler, PlatformOutbox outbox, QueuedJobs jobs) {
		return new OutboxSchedulerClient(scheduler, outbox, jobs);
	}

}
