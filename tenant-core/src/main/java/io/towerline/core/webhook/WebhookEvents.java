package io.towerline.core.webhook;

import io.towerline.core.event.TenantEvent;
import io.towerline.core.notification.JsonText;

/** The JSON body of a webhook: the event envelope, verbatim. */
final class WebhookEvents {

	private WebhookEvents() {
	}

	static String body(TenantEvent event) {
		return "{\"id\":" + JsonText.quote(event.id().toString()) + ",\"type\":" + JsonText.quote(event.type())
				+ ",\"tenant\":" + JsonText.quote(event.tenant().slug()) + ",\"subject\":"
				+ JsonText.quote(event.subject()) + ",\"actor\":" + JsonText.quote(event.actor().value())
				+ ",\"occurredAt\":" + JsonText.quote(event.occurredAt().toString()) + ",\"data\":"
				+ JsonText.object(event.data()) + "}";
	}

}
