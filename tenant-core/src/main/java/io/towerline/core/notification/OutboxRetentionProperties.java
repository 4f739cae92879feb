package io.towerline.core.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code towerline.notification.retention.*}: how long finished outbox messages are kept.
 *
 * @param messages how long delivered, failed, undeliverable and opted-out messages to
 * subscribers and staff are kept (the "was the notice sent?" question)
 * @param webhookDeliveries how long finished webhook deliveries (the endpoints' delivery
 * log, replayable) are kept
 * @param interval how often the purge runs (once per cluster)
 * @param batchSize rows deleted per statement and transaction
 * @param maxBatchesPerTenant batches one run deletes per tenant at most; the rest waits
 * for the next run, so a large backlog never holds the scheduler
 */
@ConfigurationProperties("towerline.notification.retention")
record OutboxRetentionProperties(@DefaultValue("90d") Duration messages,
		@DefaultValue("30d") Duration webhookDeliveries, @DefaultValue("1h") Duration interval,
		@DefaultValue("5000") int batchSize, @DefaultValue("20") int maxBatchesPerTenant) {

}
