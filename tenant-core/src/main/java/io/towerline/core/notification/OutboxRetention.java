package io.towerline.core.notification;

import java.sql.Timestamp;
import java.time.Instant;

import io.towerline.core.tenancy.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the bound tenant's finished outbox messages (sent, failed, undeliverable, opted
 * out) older than their retention, in bounded batches of one statement and one
 * transaction each, so the purge never locks the outbox for long nor bloats one
 * transaction. Queued messages are never deleted, whatever their age. The subscriber
 * timeline is not touched (ADR 0135).
 */
@Service
public class OutboxRetention {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final OutboxRetentionProperties properties;

	OutboxRetention(JdbcClient jdbc, TransactionTemplate transactions, OutboxRetentionProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
	}

	/**
	 * Purges as of {@code now}, batch after batch, up to the configured batches.
	 * @return how many messages were deleted
	 */
	public int purge(Instant now) {
		int total = 0;
		for (int i = 0; i < this.properties.maxBatchesPerTenant(); i++) {
			int deleted = purgeBatch(now, this.properties.batchSize());
			total += deleted;
			if (deleted < this.properties.batchSize()) {
				break;
			}
		}
		return total;
	}

	/**
	 * Deletes at most {@code limit} expired messages in one transaction: messages to
	 * people first, then webhook deliveries.
	 * @return how many were deleted
	 */
	public int purgeBatch(Instant now, int limit) {
		Integer deleted = this.transactions.execute((tx) -> {
			int messages = delete(false, now.minus(this.properties.messages()), limit);
			return messages + ((messages < limit)
					? delete(true, now.minus(this.properties.webhookDeliveries()), limit - messages) : 0);
		});
		return (deleted != null) ? deleted : 0;
	}

	private int delete(boolean webhooks, Instant before, int limit) {
		String table = TenantContext.require().schemaName() + ".notification_outbox";
		return this.jdbc
			.sql("DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table
					+ " WHERE status <> 'QUEUED' AND created_at < ? AND (channel = 'WEBHOOK') = ?"
					+ " ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)")
			.params(Timestamp.from(before), webhooks, limit)
			.update();
	}

}
