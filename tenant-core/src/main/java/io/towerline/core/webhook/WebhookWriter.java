package io.towerline.core.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.towerline.core.event.BeforeCommit;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.notification.Channel;
import io.towerline.core.notification.MessageStatus;
import io.towerline.core.notification.NewMessage;
import io.towerline.core.notification.Outbox;
import io.towerline.core.notification.PerTransaction;
import io.towerline.core.tenancy.TenantId;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues one delivery per enabled endpoint whose filter matches the event, before the
 * event's transaction commits.
 */
@Component
class WebhookWriter {

	private final WebhookEndpoints endpoints;

	private final Outbox outbox;

	WebhookWriter(WebhookEndpoints endpoints, Outbox outbox) {
		this.endpoints = endpoints;
		this.outbox = outbox;
	}

	/**
	 * Gathers the event when it is published; the transaction's deliveries are added in
	 * one statement before it commits.
	 */
	@EventListener
	void write(TenantEvent event) {
		TenantId tenant = event.tenant();
		BeforeCommit.add("webhooks:" + tenant.slug(), event, (events) -> writeAll(tenant, events));
	}

	private void writeAll(TenantId tenant, List<TenantEvent> events) {
		List<NewMessage> deliveries = new ArrayList<>();
		for (TenantEvent event : events) {
			String body = null;
			for (WebhookEndpoints.EndpointTarget target : PerTransaction.get("webhooks:" + tenant.slug(),
					() -> this.endpoints.targets(tenant))) {
				if (target.endpoint().filter().matches(event.type())) {
					body = (body != null) ? body : WebhookEvents.body(event);
					deliveries.add(new NewMessage(UUID.randomUUID(), Channel.WEBHOOK, event.id(), event.type(), null,
							target.endpoint().id(), target.endpoint().url(), null, body, MessageStatus.QUEUED, null,
							null));
				}
			}
		}
		this.outbox.addAll(tenant, deliveries);
	}

}
