package io.towerline.api.webhook;

import java.util.List;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.notification.OutboxMessage;
import io.towerline.core.webhook.WebhookEndpoint;
import io.towerline.core.webhook.WebhookEndpoints;
import io.towerline.core.webhook.WebhookEndpoints.CreatedEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Maps the webhook operations; tenant admins only (URLs and delivery bodies are
 * sensitive).
 */
@Controller
@PreAuthorize("hasRole('TENANT_ADMIN')")
class WebhookController {

	private final WebhookEndpoints endpoints;

	WebhookController(WebhookEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@QueryMapping
	List<WebhookEndpoint> webhookEndpoints() {
		return this.endpoints.list();
	}

	@QueryMapping
	Deliveries webhookDeliveries(@Argument UUID webhookEndpointId, @Argument @Nullable Integer limit,
			@Argument @Nullable UUID afterId) {
		return new Deliveries(this.endpoints.deliveries(webhookEndpointId, afterId, (limit != null) ? limit : 20));
	}

	@MutationMapping
	CreatePayload createWebhookEndpoint(@Argument CreateWebhookEndpointInput input) {
		try {
			CreatedEndpoint created = this.endpoints.create(input.url(), input.events());
			return new CreatePayload(created.endpoint(), created.secret(), List.of());
		}
		catch (InvalidInputException ex) {
			return new CreatePayload(null, null, ex.errors());
		}
	}

	@MutationMapping
	EndpointPayload setWebhookEndpointEnabled(@Argument SetWebhookEndpointEnabledInput input) {
		return new EndpointPayload(this.endpoints.setEnabled(input.id(), input.enabled()), List.of());
	}

	@MutationMapping
	EndpointPayload deleteWebhookEndpoint(@Argument WebhookEndpointIdInput input) {
		this.endpoints.delete(input.id());
		return new EndpointPayload(null, List.of());
	}

	@MutationMapping
	ReplayPayload replayWebhookDelivery(@Argument ReplayWebhookDeliveryInput input) {
		return new ReplayPayload(this.endpoints.replay(input.deliveryId()), List.of());
	}

	@SchemaMapping(typeName = "WebhookEndpoint", field = "events")
	String events(WebhookEndpoint endpoint) {
		return endpoint.filter().toString();
	}

	record Deliveries(List<OutboxMessage> nodes) {

	}

	record CreateWebhookEndpointInput(String url, String events) {

	}

	record SetWebhookEndpointEnabledInput(UUID id, boolean enabled) {

	}

	record WebhookEndpointIdInput(UUID id) {

	}

	record ReplayWebhookDeliveryInput(UUID deliveryId) {

	}

	record CreatePayload(@Nullable WebhookEndpoint endpoint, @Nullable String secret, List<FieldError> errors) {

		@Override
		public String toString() {
			return "CreatePayload[endpoint=" + this.endpoint + ", secret=(hidden)]";
		}

	}

	record EndpointPayload(@Nullable WebhookEndpoint endpoint, List<FieldError> errors) {

	}

	record ReplayPayload(@Nullable OutboxMessage delivery, List<FieldError> errors) {

	}

}
