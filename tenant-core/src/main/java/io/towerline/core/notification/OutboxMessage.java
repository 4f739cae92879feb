package io.towerline.core.notification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One message in the outbox.
 *
 * @param id the message id: the e-mail's Message-ID, the webhook's and SMS's delivery id
 * @param channel how it travels
 * @param eventId the event that caused it
 * @param eventType that event's type
 * @param subscriberId the subscriber it is to or about, if any
 * @param endpointId the webhook endpoint, for webhooks
 * @param recipient the address (e-mail, phone, URL)
 * @param subject the subject (e-mail)
 * @param body the text, or the JSON of a webhook
 * @param status where it stands
 * @param attempts delivery attempts so far
 * @param lastError the receiver's last refusal
 * @param createdAt when it was queued
 * @param nextAttemptAt when the next attempt is due (queued messages)
 * @param sentAt when the receiver accepted it
 * @param errorCode why it was not delivered (UNDELIVERABLE and FAILED messages)
 */
public record OutboxMessage(UUID id, Channel channel, UUID eventId, String eventType, @Nullable UUID subscriberId,
		@Nullable UUID endpointId, @Nullable String recipient, @Nullable String subject, String body,
		MessageStatus status, int attempts, @Nullable String lastError, Instant createdAt,
		@Nullable Instant nextAttemptAt, @Nullable Instant sentAt, @Nullable DeliveryErrorCode errorCode) {

}
