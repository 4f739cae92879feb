package io.towerline.api.operation;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** Following an operation live over graphql-ws, authenticated in connection_init. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationSubscriptionTests extends ApiTest {

	private static final String FOLLOW = "subscription($id: ID!) { operationUpdated(id: $id) { id status attempts } }";

	@LocalServerPort
	int port;

	TenantId tenant;

	NetworkFixture network;

	@BeforeEach
	void network() {
		this.tenant = newTenant("ws");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR")), "ws-1");
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldStreamTheOperationUntilItSucceeds() {
		String[] created = this.network.createSubscriber("streamed", "secret-ws1");
		List<String> statuses = socket(TestTokens.forTenant(this.tenant.slug(), "VIEWER")).document(FOLLOW)
			.variable("id", created[1])
			.executeSubscription()
			.toFlux("operationUpdated.status", String.class)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(statuses).isNotEmpty().last().isEqualTo("SUCCEEDED");
	}

	@Test
	void shouldNotStreamAnotherTenantsOperation() {
		String[] created = this.network.createSubscriber("private-op", "secret-ws2");
		String other = TestTokens.forTenant(newTenant("ws-other").slug(), "VIEWER");
		assertThatException()
			.isThrownBy(() -> socket(other).document(FOLLOW)
				.variable("id", created[1])
				.executeSubscription()
				.toFlux("operationUpdated.status", String.class)
				.blockFirst(Duration.ofSeconds(30)))
			.withMessageContaining("NOT_FOUND");
	}

	@Test
	void shouldRefuseASocketWithoutToken() {
		WebSocketGraphQlTester anonymous = WebSocketGraphQlTester
			.builder(URI.create("ws://127.0.0.1:" + this.port + "/graphql-ws"), new StandardWebSocketClient())
			.build();
		assertThatException()
			.isThrownBy(() -> anonymous.document(FOLLOW)
				.variable("id", "00000000-0000-0000-0000-000000000000")
				.executeSubscription()
				.toFlux("operationUpdated.status", String.class)
				.blockFirst(Duration.ofSeconds(30)))
			.withMessageContaining("4401");
	}

	private WebSocketGraphQlTester socket(String token) {
		return GraphQlSockets.as(this.port, token);
	}

}
