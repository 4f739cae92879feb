package io.towerline.api.webhook;

import java.util.List;
import java.util.UUID;

import io.towerline.api.security.Actors;
import io.towerline.core.error.FieldError;
import io.towerline.core.notification.OutboxMessage;
import io.towerline.core.webhook.WebhookTestDelivery;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Maps the webhook "send test"; tenant admins only, like every webhook operation. */
@Controller
@PreAuthorize("hasRole('TENANT_ADMIN')")
class WebhookTestController {

	private final WebhookTestDelivery tests;

	WebhookTestController(WebhookTestDelivery tests) {
		this.tests = tests;
	}

	@MutationMapping
	SendTestWebhookPayload sendTestWebhook(@Argument SendTestWebhookInput input) {
		return new SendTestWebhookPayload(this.tests.send(input.endpointId(), Actors.current()), List.of());
	}

	record SendTestWebhookInput(UUID endpointId) {

	}

	record SendTestWebhookPayload(OutboxMessage delivery, List<FieldError> errors) {

	}

}
