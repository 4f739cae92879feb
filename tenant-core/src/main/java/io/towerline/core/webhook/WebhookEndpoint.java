package io.towerline.core.webhook;

import java.time.Instant;
import java.util.UUID;

import io.towerline.core.notification.EventFilter;

/**
 * An integration's receiver.
 *
 * @param id the endpoint
 * @param url where deliveries are POSTed
 * @param filter the events it wants
 * @param enabled whether new events are delivered to it
 * @param createdAt when it was added
 */
public record WebhookEndpoint(UUID id, String url, EventFilter filter, boolean enabled, Instant createdAt) {

}
