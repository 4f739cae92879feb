package io.towerline.core.notification;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox sender ({@code towerline.notification.send-interval}), one replica at a time
 * through db-scheduler; messages are claimed with SKIP LOCKED besides.
 */
@Configuration(proxyBeanMethods = false)
class NotificationTask {

	private static final Logger log = LoggerFactory.getLogger(NotificationTask.class);

	@Bean
	RecurringTask<Void> notificationSenderTask(ObjectProvider<NotificationSender> sender, TenantCatalog catalog,
			Clock clock, NotificationProperties properties) {
		return Tasks.recurring("notification-sender", FixedDelay.of(properties.sendInterval()))
			.execute((instance, context) -> {
				for (TenantId tenant : catalog.activeTenants()) {
					try {
						TenantContext.runAs(tenant, () -> sender.getObject().sendDue(clock.instant()));
					}
					catch (RuntimeException ex) {
						if (TenantClusters.refusedByMoveWindow(ex)) {
							// moving to another cluster: its messages wait for the window
							// to close
							log.debug("Outbox of tenant {} waits: the tenant is moving", tenant);
						}
						else {
							log.warn("Sending the outbox of tenant {} failed: {}", tenant, ex.getMessage());
						}
					}
				}
			});
	}

}
