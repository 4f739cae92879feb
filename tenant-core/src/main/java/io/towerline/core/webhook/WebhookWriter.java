package io.towerline.core.webhook;

import java.util.UUID;

import io.towerline.core.event.TenantEvent;
import io.towerline.core.notification.Channel;
import io.towerline.core.notification.MessageStatus;
import io.towerline.core.notification.Outbox;
import io.towerline.core.notification.PerTransaction;
import io.towerline.core.tenancy.TenantId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

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

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void write(TenantEvent event) {
		TenantId tenant = event.tenant();
		String body = null;
		for (WebhookEndpoints.EndpointTarget target : PerTransaction.get("webhooks:" + tenant.slug(),
				() -> this.endpoints.targets(tenant))) {
			if (target.endpoint().filter().matches(event.type())) {
				body = (body != null) ? body : WebhookEvents.body(event);
				this.outbox.add(tenant, UUID.randomUUID(), Channel.WEBHOOK, event.id(), event.type(), null,
						target.endpoint().id(), target.endpoint().url(), null, body, MessageStatus.QUEUED, null);
			}
		}
	}

}
