package io.towerline.api.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Send test": one signed {@code webhook.tested} delivery reaches the one endpoint asked
 * for, even when its filter does not name the event and it is switched off, and no other
 * endpoint; only tenant admins may send one, and only to their own tenant's endpoints.
 */
class WebhookTestDeliveryTests extends ApiTest {

	private static final String CREATE = """
			mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
			  endpoint { id } secret errors { code } } }""";

	private static final String SEND_TEST = """
			mutation($input: SendTestWebhookInput!) { sendTestWebhook(input: $input) {
			  delivery { id eventType status endpointId } errors { code } } }""";

	@SuppressWarnings("unchecked")
	private static final Class<Map<String, Object>> MAP = (Class<Map<String, Object>>) (Class<?>) Map.class;

	TenantId tenant;

	HttpServer receiver;

	final List<Received> received = new CopyOnWriteArrayList<>();

	@BeforeEach
	void receiver() throws IOException {
		this.tenant = newTenant("hook-test");
		this.receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.receiver.createContext("/", this::receive);
		this.receiver.start();
	}

	@AfterEach
	void close() {
		this.receiver.stop(0);
	}

	@Test
	void shouldDeliverOneSignedTestEventToTheOneEndpointEvenWhenItsFilterOrSwitchSaysNo() {
		Map<?, ?> tested = create("/tested", "subscriber.created");
		Map<?, ?> bystander = create("/bystander", "*");
		String testedId = (String) ((Map<?, ?>) tested.get("endpoint")).get("id");
		admin().document("""
				mutation($input: SetWebhookEndpointEnabledInput!) { setWebhookEndpointEnabled(input: $input) {
				  endpoint { enabled } } }""").variable("input", Map.of("id", testedId, "enabled", false)).execute();

		Map<String, Object> delivery = admin().document(SEND_TEST)
			.variable("input", Map.of("endpointId", testedId))
			.execute()
			.path("sendTestWebhook.delivery")
			.entity(MAP)
			.get();
		assertThat(delivery).containsEntry("eventType", "webhook.tested")
			.containsEntry("status", "QUEUED")
			.containsEntry("endpointId", testedId);

		await().atMost(Duration.ofSeconds(30)).until(() -> !this.received.isEmpty());
		Received first = this.received.get(0);
		assertThat(first.path()).isEqualTo("/tested");
		assertThat(first.delivery()).isEqualTo(delivery.get("id"));
		assertThat(first.event()).isEqualTo("webhook.tested");
		assertThat(first.body()).contains("\"type\":\"webhook.tested\"", "\"subject\":\"" + testedId + "\"");
		assertThat(first.verifiedWith((String) tested.get("secret"))).isTrue();
		assertThat(first.verifiedWith((String) bystander.get("secret"))).isFalse();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> admin()
				.document("query($id: ID!) { webhookDeliveries(webhookEndpointId: $id) { nodes { status } } }")
				.variable("id", testedId)
				.execute()
				.path("webhookDeliveries.nodes[0].status")
				.entity(String.class)
				.get()
				.equals("SENT"));
		assertThat(this.received).extracting(Received::path).containsExactly("/tested");
	}

	@Test
	void shouldLetOnlyTheTenantsAdminsTestItsEndpoints() {
		String endpointId = (String) ((Map<?, ?>) create("/mine", "*").get("endpoint")).get("id");
		code(as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR")).document(SEND_TEST)
			.variable("input", Map.of("endpointId", endpointId))
			.execute(), "FORBIDDEN");
		HttpGraphQlTester intruder = as(TestTokens.forTenant(newTenant("hook-test-b").slug(), "TENANT_ADMIN"));
		code(intruder.document(SEND_TEST).variable("input", Map.of("endpointId", endpointId)).execute(), "NOT_FOUND");
		code(admin().document(SEND_TEST)
			.variable("input", Map.of("endpointId", UUID.randomUUID().toString()))
			.execute(), "NOT_FOUND");
		assertThat(admin().document("query($id: ID!) { webhookDeliveries(webhookEndpointId: $id) { nodes { id } } }")
			.variable("id", endpointId)
			.execute()
			.path("webhookDeliveries.nodes")
			.entityList(Object.class)
			.get()).isEmpty();
	}

	private Map<?, ?> create(String path, String events) {
		String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + path;
		return admin().document(CREATE)
			.variable("input", Map.of("url", url, "events", events))
			.execute()
			.path("createWebhookEndpoint")
			.entity(Map.class)
			.get();
	}

	private HttpGraphQlTester admin() {
		return as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN"));
	}

	private static void code(GraphQlTester.Response response, String code) {
		response.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", code)));
	}

	private void receive(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		this.received.add(new Received(exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Towerline-Delivery"),
				exchange.getRequestHeaders().getFirst("Towerline-Event"),
				exchange.getRequestHeaders().getFirst("Towerline-Timestamp"),
				exchange.getRequestHeaders().getFirst("Towerline-Signature"), body));
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	record Received(String path, String delivery, String event, String timestamp, String signature, String body) {

		/** As documented: {@code v1=} and the hex HMAC-SHA256 of timestamp, '.', body. */
		boolean verifiedWith(String secret) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
				return ("v1=" + HexFormat.of()
					.formatHex(mac.doFinal((this.timestamp + "." + this.body).getBytes(StandardCharsets.UTF_8))))
					.equals(this.signature);
			}
			catch (Exception ex) {
				return false;
			}
		}

	}

}
