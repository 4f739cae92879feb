package io.towerline.api.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Text messages end to end through a real HTTP gateway stand-in on loopback: the JDK's
 * HTTP server, which checks the bearer secret, answers as told and records what it
 * accepted. A passing refusal is retried with the same message id and lands once; a
 * refusal no retry can change (wrong secret, a rejected request) makes the message
 * UNDELIVERABLE at once with a code, and is never tried again.
 */
class SmsDeliveryTests extends ApiTest {

	static final String SECRET = "gateway-secret-1";

	TenantId tenant;

	HttpGraphQlTester admin;

	NetworkFixture network;

	PaymentNotices notices;

	Gateway gateway;

	@BeforeEach
	void network() throws IOException {
		this.tenant = newTenant("sms");
		this.admin = as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN"));
		this.network = NetworkFixture.create(this.admin, "sms-1");
		this.notices = new PaymentNotices(this.admin, this.network, "SMS", "phone");
		this.gateway = Gateway.start();
	}

	@AfterEach
	void close() {
		this.network.close();
		this.gateway.stop();
	}

	@Test
	void shouldDeliverOnceWhenTheGatewayRefusesThenAccepts() {
		setGateway(SECRET, "to={{to}}&text={{text}}&ref={{messageId}}");
		this.gateway.answerNext(503, 503);
		String id = this.notices.subscriber("texted", "+491701234567");
		this.notices.pay(id, "sms-pay-1");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.notices.payment(id)).containsEntry("status", "SENT"));
		Map<String, Object> message = this.notices.payment(id);
		assertThat((Integer) message.get("attempts")).isEqualTo(3);
		assertThat(message.get("errorCode")).isNull();
		// every attempt carried the same message id; the gateway accepted exactly one
		assertThat(this.gateway.keys()).hasSize(3).containsOnly((String) message.get("id"));
		assertThat(this.gateway.accepted()).hasSize(1);
		Map<String, String> form = this.gateway.accepted().get(0);
		assertThat(form).containsEntry("to", "+491701234567")
			.containsEntry("ref", (String) message.get("id"))
			.containsEntry("authorization", "Bearer " + SECRET);
		assertThat(form.get("text")).contains("25.00 EUR");
	}

	@Test
	void shouldMarkAMessageUndeliverableWhenTheGatewayRefusesTheSecret() {
		setGateway("not-the-secret", "{\"to\":\"{{to}}\",\"text\":\"{{text}}\"}");
		String id = this.notices.subscriber("badsecret", "+491709999999");
		this.notices.pay(id, "sms-pay-2");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.notices.payment(id)).containsEntry("status", "UNDELIVERABLE"));
		Map<String, Object> message = this.notices.payment(id);
		assertThat(message).containsEntry("errorCode", "AUTHENTICATION_REFUSED").containsEntry("attempts", 1);
		assertThat((String) message.get("lastError")).startsWith("The gateway answered 401");
		// not retried: the next scheduled sends find nothing to do for it
		int before = this.gateway.requests();
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.gateway.requests()).isEqualTo(before));
		assertThat(this.gateway.accepted()).isEmpty();
	}

	@Test
	void shouldMarkAMessageUndeliverableWhenTheGatewayRejectsTheRequest() {
		setGateway(SECRET, "to={{to}}&text={{text}}");
		this.gateway.answerNext(422);
		String id = this.notices.subscriber("rejected", "+491708888888");
		this.notices.pay(id, "sms-pay-3");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.notices.payment(id)).containsEntry("status", "UNDELIVERABLE"));
		assertThat(this.notices.payment(id)).containsEntry("errorCode", "REQUEST_REFUSED").containsEntry("attempts", 1);
		assertThat(this.gateway.accepted()).isEmpty();
	}

	@Test
	void shouldReportASubscriberWithoutPhoneWithACode() {
		setGateway(SECRET, "to={{to}}&text={{text}}");
		String id = this.notices.subscriber("nophone", null);
		this.notices.pay(id, "sms-pay-4");
		assertThat(this.notices.payment(id)).containsEntry("status", "UNDELIVERABLE")
			.containsEntry("errorCode", "NO_ADDRESS")
			.containsEntry("lastError", "The subscriber has no phone number");
	}

	private void setGateway(String secret, String bodyTemplate) {
		this.admin.document("""
				mutation($input: SetSmsGatewayInput!) { setSmsGateway(input: $input) { errors { code } } }""")
			.variable("input", Map.of("url", this.gateway.url(), "bodyTemplate", bodyTemplate, "secret", secret))
			.execute()
			.path("setSmsGateway.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/**
	 * An SMS gateway as providers build them: a bearer token, a form or JSON body, an
	 * {@code Idempotency-Key}; answers the queued statuses first, then 200 (401 for a
	 * wrong token, always).
	 */
	static final class Gateway {

		private final HttpServer server;

		private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

		private final List<Map<String, String>> accepted = Collections.synchronizedList(new ArrayList<>());

		private final List<String> keys = Collections.synchronizedList(new ArrayList<>());

		private final AtomicInteger requests = new AtomicInteger();

		private Gateway(HttpServer server) {
			this.server = server;
		}

		static Gateway start() throws IOException {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			Gateway gateway = new Gateway(server);
			server.createContext("/send", gateway::handle);
			server.start();
			return gateway;
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/send";
		}

		void answerNext(int... statuses) {
			for (int status : statuses) {
				this.answers.add(status);
			}
		}

		List<Map<String, String>> accepted() {
			return List.copyOf(this.accepted);
		}

		List<String> keys() {
			return List.copyOf(this.keys);
		}

		int requests() {
			return this.requests.get();
		}

		void stop() {
			this.server.stop(0);
		}

		private void handle(HttpExchange exchange) throws IOException {
			this.requests.incrementAndGet();
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			this.keys.add(key);
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			int status;
			if (!("Bearer " + SECRET).equals(authorization)) {
				status = 401;
			}
			else {
				Integer next = this.answers.poll();
				status = (next != null) ? next : 200;
			}
			if (status == 200) {
				Map<String, String> fields = fields(body);
				fields.put("authorization", authorization);
				fields.put("key", key);
				this.accepted.add(fields);
			}
			byte[] answer = ((status == 200) ? "{\"id\":\"gw-" + this.requests.get() + "\"}" : "{\"error\":\"no\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		}

		private static Map<String, String> fields(String body) {
			Map<String, String> fields = new HashMap<>();
			for (String pair : body.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					fields.put(pair.substring(0, eq),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
			return fields;
		}

	}

}
