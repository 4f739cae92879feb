package io.towerline.core.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the bound tenant's due messages: claims a batch with SKIP LOCKED, hands each
 * channel's messages to its delivery and records every outcome in the same transaction. A
 * passing refusal is retried with exponential backoff until {@code maxAttempts}, then
 * FAILED with the receiver's last answer; a permanent one is UNDELIVERABLE at once.
 */
@Service
public class NotificationSender {

	private final Outbox outbox;

	private final Map<Channel, ChannelDelivery> deliveries;

	private final TransactionTemplate transactions;

	private final NotificationProperties properties;

	NotificationSender(Outbox outbox, List<ChannelDelivery> deliveries, TransactionTemplate transactions,
			NotificationProperties properties) {
		this.outbox = outbox;
		this.deliveries = new EnumMap<>(
				deliveries.stream().collect(Collectors.toMap(ChannelDelivery::channel, Function.identity())));
		this.transactions = transactions;
		this.properties = properties;
	}

	/**
	 * Delivers every message due at {@code now}.
	 * @return how many messages were attempted
	 */
	public int sendDue(Instant now) {
		TenantId tenant = TenantContext.require();
		int total = 0;
		while (true) {
			int attempted = Optional.ofNullable(this.transactions.execute((tx) -> batch(tenant, now))).orElse(0);
			total += attempted;
			if (attempted < this.properties.batchSize()) {
				return total;
			}
		}
	}

	private int batch(TenantId tenant, Instant now) {
		List<OutboxMessage> due = this.outbox.claimDue(now, this.properties.batchSize());
		Map<Channel, List<OutboxMessage>> byChannel = new EnumMap<>(Channel.class);
		due.forEach((message) -> byChannel.computeIfAbsent(message.channel(), (c) -> new ArrayList<>()).add(message));
		byChannel.forEach((channel, messages) -> {
			ChannelDelivery delivery = this.deliveries.get(channel);
			Map<UUID, Refusal> refused = (delivery != null) ? delivery.deliver(tenant, messages) : messages.stream()
				.collect(Collectors.toMap(OutboxMessage::id,
						(m) -> Refusal.permanent(DeliveryErrorCode.NO_GATEWAY, "No delivery for channel " + channel)));
			for (OutboxMessage message : messages) {
				Refusal refusal = refused.get(message.id());
				if (refusal == null) {
					this.outbox.sent(message.id(), now);
				}
				else if (refusal.isPermanent()) {
					this.outbox.undeliverable(message.id(), Objects.requireNonNull(refusal.code()), refusal.message());
				}
				else {
					this.outbox.refused(message.id(), refusal.message(), retryAt(message.attempts() + 1, now));
				}
			}
		});
		return due.size();
	}

	/** When to try again after the {@code attempts}-th refusal, or null to give up. */
	@Nullable Instant retryAt(int attempts, Instant now) {
		if (attempts >= this.properties.maxAttempts()) {
			return null;
		}
		Duration wait = this.properties.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 30));
		if (wait.compareTo(this.properties.maxBackoff()) > 0 || wait.isNegative()) {
			wait = this.properties.maxBackoff();
		}
		return now.plus(wait);
	}

}
