package io.towerline.api.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An integration's receiver written from the schema's documentation of
 * {@code createWebhookEndpoint} (not from the platform's code) verifies every delivery; a
 * refused delivery is retried with the same delivery id; the filter is honoured; a
 * delivery can be replayed.
 */
class WebhookDeliveryTests extends ApiTest {

	HttpGraphQlTester admin;

	NetworkFixture network;

	HttpServer receiver;

	final List<Received> received = new CopyOnWriteArrayList<>();

	final AtomicInteger refuseNext = new AtomicInteger(1);

	volatile String secret = "";

	@BeforeEach
	void receiver() throws IOException {
		this.admin = as(TestTokens.forTenant(newTenant("hooks").slug(), "TENANT_ADMIN"));
		this.network = NetworkFixture.create(this.admin, "hooks-1");
		this.receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.receiver.createContext("/hooks", this::receive);
		this.receiver.start();
	}

	@AfterEach
	void close() {
		this.receiver.stop(0);
		this.network.close();
	}

	@Test
	void shouldDeliverSignedEventsThatTheReceiverVerifies() {
		String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks";
		Map<String, Object> created = this.admin.document("""
				mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
				  endpoint { id events enabled } secret errors { field code } } }""")
			.variable("input", Map.of("url", url, "events", "subscriber.created,lifecycle.*"))
			.execute()
			.path("createWebhookEndpoint")
			.entity(Map.class)
			.get();
		this.secret = (String) created.get("secret");
		assertThat(this.secret).startsWith("whsec_");
		String endpointId = (String) ((Map<?, ?>) created.get("endpoint")).get("id");

		String subscriberId = this.network.createSubscriber("hooked", "secret-hooked")[0];
		// subscriber.changed is not in the filter
		this.admin.document("""
				mutation($input: UpdateSubscriberInput!) { updateSubscriber(input: $input) { errors { code } } }""")
			.variable("input", Map.of("id", subscriberId, "notes", "changed"))
			.execute();

		await().atMost(Duration.ofSeconds(30)).until(() -> this.received.size() >= 2);
		Received refused = this.received.get(0);
		Received accepted = this.received.get(1);
		assertThat(refused.verified()).isTrue();
		assertThat(accepted.verified()).isTrue();
		assertThat(accepted.delivery()).isEqualTo(refused.delivery());
		assertThat(accepted.event()).isEqualTo("subscriber.created");
		assertThat(accepted.body()).contains("\"type\":\"subscriber.created\"", "\"subject\":\"" + subscriberId + "\"",
				"\"username\":\"hooked\"");

		List<Map<String, Object>> log = deliveries(endpointId);
		assertThat(log).singleElement().satisfies((delivery) -> {
			assertThat(delivery).containsEntry("status", "SENT").containsEntry("attempts", 2);
			assertThat(delivery).containsEntry("id", accepted.delivery());
		});

		String replayed = this.admin.document("""
				mutation($input: ReplayWebhookDeliveryInput!) { replayWebhookDelivery(input: $input) {
				  delivery { id eventId } } }""")
			.variable("input", Map.of("deliveryId", accepted.delivery()))
			.execute()
			.path("replayWebhookDelivery.delivery.id")
			.entity(String.class)
			.get();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.received.size() >= 3);
		Received again = this.received.get(2);
		assertThat(again.verified()).isTrue();
		assertThat(again.delivery()).isEqualTo(replayed).isNotEqualTo(accepted.delivery());
		assertThat(again.body()).isEqualTo(accepted.body());
		assertThat(this.received.stream().map(Received::event)).doesNotContain("subscriber.changed");
	}

	private void receive(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String timestamp = exchange.getRequestHeaders().getFirst("Towerline-Timestamp");
		String signature = exchange.getRequestHeaders().getFirst("Towerline-Signature");
		this.received.add(new Received(exchange.getRequestHeaders().getFirst("Towerline-Delivery"),
				exchange.getRequestHeaders().getFirst("Towerline-Event"), body, verify(timestamp, signature, body)));
		int status = (this.refuseNext.getAndDecrement() > 0) ? 503 : 204;
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	/**
	 * As documented: {@code v1=} and the hex HMAC-SHA256, keyed with the secret, of the
	 * timestamp, {@code .} and the raw body; timestamps within five minutes.
	 */
	private boolean verify(String timestamp, String signature, String body) {
		try {
			if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
				return false;
			}
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String expected = "v1="
					+ HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
			return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
					signature.getBytes(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			return false;
		}
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> deliveries(String endpointId) {
		return this.admin.document(
				"""
						query($id: ID!) { webhookDeliveries(webhookEndpointId: $id, limit: 10) { nodes { id status attempts } } }""")
			.variable("id", endpointId)
			.execute()
			.path("webhookDeliveries.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map((node) -> (Map<String, Object>) node)
			.toList();
	}

	record Received(String delivery, String event, String body, boolean verified) {

	}

}
