package io.towerline.core.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.towerline.core.outbound.OutboundDestinations;
import io.towerline.core.tenancy.TenantId;

import org.springframework.stereotype.Component;

/**
 * Sends text messages through the tenant's HTTP gateway: a 2xx answer is delivered; no
 * answer, a 5xx, 408 or 429 is a passing refusal retried later with the same
 * {@code Idempotency-Key}; any other 4xx is permanent (401/403: the secret is wrong), as
 * is having no gateway, so the message is UNDELIVERABLE at once instead of retried for
 * hours against an answer that cannot change.
 */
@Component
class SmsDelivery implements ChannelDelivery {

	private final SmsGateways gateways;

	private final HttpClient http;

	private final Duration timeout;

	private final OutboundDestinations destinations;

	SmsDelivery(SmsGateways gateways, NotificationProperties properties, OutboundDestinations destinations) {
		this.gateways = gateways;
		this.destinations = destinations;
		this.timeout = properties.requestTimeout();
		this.http = HttpClient.newBuilder().connectTimeout(this.timeout).build();
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public Map<UUID, Refusal> deliver(TenantId tenant, List<OutboxMessage> messages) {
		Map<UUID, Refusal> refused = new HashMap<>();
		SmsGateway gateway = this.gateways.of(tenant).orElse(null);
		if (gateway == null) {
			messages.forEach((message) -> refused.put(message.id(),
					Refusal.permanent(DeliveryErrorCode.NO_GATEWAY, "The tenant has no SMS gateway")));
			return refused;
		}
		// asked again at each send: the gateway's name may point elsewhere since it was
		// saved
		String forbidden = this.destinations.refusal(URI.create(gateway.url())).orElse(null);
		if (forbidden != null) {
			messages.forEach((message) -> refused.put(message.id(),
					Refusal.permanent(DeliveryErrorCode.DESTINATION_REFUSED, forbidden)));
			return refused;
		}
		String secret = this.gateways.secret(gateway);
		boolean json = gateway.bodyTemplate().strip().startsWith("{");
		for (OutboxMessage message : messages) {
			String body = gateway.bodyTemplate()
				.replace("{{to}}", escape(Objects.requireNonNull(message.recipient()), json))
				.replace("{{text}}", escape(message.body(), json))
				.replace("{{messageId}}", message.id().toString());
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url()))
				.timeout(this.timeout)
				.header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded")
				.header("Idempotency-Key", message.id().toString())
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (!secret.isEmpty()) {
				request.header("Authorization", "Bearer " + secret);
			}
			try {
				HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() / 100 != 2) {
					refused.put(message.id(), refusal(response.statusCode(),
							"The gateway answered " + response.statusCode() + ": " + abbreviate(response.body())));
				}
			}
			catch (IOException ex) {
				refused.put(message.id(), Refusal.passing("The gateway did not answer: " + ex.getMessage()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				refused.put(message.id(), Refusal.passing("Interrupted"));
				return refused;
			}
		}
		return refused;
	}

	static Refusal refusal(int status, String answer) {
		if (status == 401 || status == 403) {
			return Refusal.permanent(DeliveryErrorCode.AUTHENTICATION_REFUSED, answer);
		}
		if (status / 100 == 4 && status != 408 && status != 429) {
			return Refusal.permanent(DeliveryErrorCode.REQUEST_REFUSED, answer);
		}
		return Refusal.passing(answer);
	}

	private static String escape(String value, boolean json) {
		if (!json) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}
		return JsonText.escape(value);
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

}
