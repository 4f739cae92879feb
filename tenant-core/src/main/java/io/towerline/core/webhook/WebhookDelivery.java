package io.towerline.core.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.towerline.core.notification.Channel;
import io.towerline.core.notification.ChannelDelivery;
import io.towerline.core.notification.DeliveryErrorCode;
import io.towerline.core.notification.NotificationProperties;
import io.towerline.core.notification.OutboxMessage;
import io.towerline.core.notification.Refusal;
import io.towerline.core.outbound.OutboundDestinations;
import io.towerline.core.tenancy.TenantId;

import org.springframework.stereotype.Component;

/**
 * POSTs each delivery signed as {@link WebhookSignature} documents, signed afresh at
 * every attempt; a 2xx answer is delivered, anything else is retried.
 */
@Component
class WebhookDelivery implements ChannelDelivery {

	private final WebhookEndpoints endpoints;

	private final Clock clock;

	private final HttpClient http;

	private final Duration timeout;

	private final OutboundDestinations destinations;

	WebhookDelivery(WebhookEndpoints endpoints, Clock clock, NotificationProperties properties,
			OutboundDestinations destinations) {
		this.endpoints = endpoints;
		this.destinations = destinations;
		this.clock = clock;
		this.timeout = properties.requestTimeout();
		this.http = HttpClient.newBuilder()
			.connectTimeout(this.timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public Channel channel() {
		return Channel.WEBHOOK;
	}

	@Override
	public Map<UUID, Refusal> deliver(TenantId tenant, List<OutboxMessage> messages) {
		Map<UUID, Refusal> refused = new HashMap<>();
		Map<UUID, String> secrets = new HashMap<>();
		for (OutboxMessage message : messages) {
			UUID endpointId = Objects.requireNonNull(message.endpointId());
			String secret = secrets.computeIfAbsent(endpointId, (id) -> this.endpoints.secretOf(tenant, id).orElse(""));
			if (secret.isEmpty()) {
				refused.put(message.id(), Refusal.passing("The endpoint was deleted"));
				continue;
			}
			URI url = URI.create(Objects.requireNonNull(message.recipient()));
			// asked again at each delivery: the name may point elsewhere since it was
			// saved
			String forbidden = this.destinations.refusal(url).orElse(null);
			if (forbidden != null) {
				refused.put(message.id(), Refusal.permanent(DeliveryErrorCode.DESTINATION_REFUSED, forbidden));
				continue;
			}
			long timestamp = this.clock.instant().getEpochSecond();
			HttpRequest request = HttpRequest.newBuilder(url)
				.timeout(this.timeout)
				.header("Content-Type", "application/json")
				.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
				.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, message.body()))
				.header(WebhookSignature.DELIVERY_HEADER, message.id().toString())
				.header(WebhookSignature.EVENT_HEADER, message.eventType())
				.POST(HttpRequest.BodyPublishers.ofString(message.body()))
				.build();
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() / 100 != 2) {
					String body = response.body();
					refused.put(message.id(), Refusal.passing("The endpoint answered " + response.statusCode() + ": "
							+ ((body.length() > 300) ? body.substring(0, 300) : body)));
				}
			}
			catch (IOException ex) {
				refused.put(message.id(), Refusal.passing("The endpoint did not answer: " + ex));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				refused.put(message.id(), Refusal.passing("Interrupted"));
				return refused;
			}
		}
		return refused;
	}

}
