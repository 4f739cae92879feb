package io.towerline.core.notification;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.towerline.core.sweep.TenantSweeps;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox sender ({@code towerline.notification.send-interval}), one replica at a time
 * through db-scheduler; messages are claimed with SKIP LOCKED besides.
 */
@Configuration(proxyBeanMethods = false)
class NotificationTask {

	@Bean
	RecurringTask<Void> notificationSenderTask(ObjectProvider<NotificationSender> sender, TenantSweeps sweeps,
			Clock clock, NotificationProperties properties) {
		// a moving tenant's messages wait for its window to close
		return Tasks.recurring("notification-sender", FixedDelay.of(properties.sendInterval()))
			.execute((instance, context) -> sweeps.forEachTenant("Sending the outbox",
					(tenant) -> sender.getObject().sendDue(clock.instant())));
	}

}
