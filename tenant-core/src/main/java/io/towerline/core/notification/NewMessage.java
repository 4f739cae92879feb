package io.towerline.core.notification;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message to add to the outbox.
 *
 * @param id the message id receivers de-duplicate on
 * @param channel how it travels
 * @param eventId the event that caused it
 * @param eventType that event's type
 * @param subscriberId the subscriber it is about, if any
 * @param endpointId the webhook endpoint, for webhooks
 * @param recipient the address, or null when there is none
 * @param subject the subject, where the channel has one
 * @param body the body
 * @param status QUEUED, or a final status (reported, never sent)
 * @param error why it is not sent
 * @param code the code of why it is not sent
 */
public record NewMessage(UUID id, Channel channel, UUID eventId, String eventType, @Nullable UUID subscriberId,
		@Nullable UUID endpointId, @Nullable String recipient, @Nullable String subject, String body,
		MessageStatus status, @Nullable String error, @Nullable DeliveryErrorCode code) {

}
