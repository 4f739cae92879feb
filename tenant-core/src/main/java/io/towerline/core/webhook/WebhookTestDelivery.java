package io.towerline.core.webhook;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.notification.Channel;
import io.towerline.core.notification.MessageStatus;
import io.towerline.core.notification.Outbox;
import io.towerline.core.notification.OutboxMessage;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one {@code webhook.tested} event to one endpoint, whatever its filter and whether
 * it is on, so an integrator can check the receiver verifies signatures before real
 * events flow. It travels as any delivery does (signed at each attempt, retried, logged,
 * replayable); the event is not published, so no other endpoint receives it.
 */
@Service
@Transactional
public class WebhookTestDelivery {

	/** The event type of a test delivery. */
	static final String TESTED = "webhook.tested";

	private final WebhookEndpoints endpoints;

	private final Outbox outbox;

	private final Clock clock;

	WebhookTestDelivery(WebhookEndpoints endpoints, Outbox outbox, Clock clock) {
		this.endpoints = endpoints;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Queues the test delivery.
	 * @return the delivery, QUEUED
	 * @throws io.towerline.core.error.NotFoundException when the endpoint does not exist
	 * in the current tenant
	 */
	public OutboxMessage send(UUID endpointId, Actor actor) {
		WebhookEndpoint endpoint = this.endpoints.get(endpointId);
		TenantId tenant = TenantContext.require();
		TenantEvent event = TenantEvent.of(tenant, TESTED, endpoint.id().toString(), actor, this.clock.instant(),
				Map.of("url", endpoint.url(), "test", "true"));
		UUID id = UUID.randomUUID();
		this.outbox.add(tenant, id, Channel.WEBHOOK, event.id(), event.type(), null, endpoint.id(), endpoint.url(),
				null, WebhookEvents.body(event), MessageStatus.QUEUED, null);
		return this.outbox.get(id);
	}

}
