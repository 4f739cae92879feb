package io.towerline.api.identity;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.actor.Actor;
import io.towerline.core.identity.ApiClient;
import io.towerline.core.identity.ApiClientRegistry;
import io.towerline.core.identity.Issued;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A live subscription ends, with a coded error, once its caller loses access: API client
 * revoked, tenant suspended. Its operation stays open (router down) so only the loss of
 * access can end it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "towerline.rate-limit.max-subscriptions=2",
		"towerline.rate-limit.tiers.starter.capacity=100", "towerline.rate-limit.tiers.starter.restore-per-second=1" })
class SubscriptionRevocationTests extends ApiTest {

	private static final String FOLLOW = "subscription($id: ID!) { operationUpdated(id: $id) { id status attempts } }";

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiClientRegistry clients;

	@Autowired
	TenantCatalog catalog;

	TenantId tenant;

	NetworkFixture network;

	@BeforeEach
	void routerDown() {
		this.tenant = newTenant("revoke");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR")), "revoke-1");
		this.network.close();
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldEndASubscriptionWhenItsApiClientIsRevoked() {
		Issued<ApiClient> client = this.clients.create(Actor.of("test"), this.tenant, "Dashboard", Set.of("VIEWER"));
		String token = new OAuthFlows(this.mvc).clientToken(client.value().clientId(), client.secret());
		Live live = follow(token, this.network.createSubscriber("rv-1", "secret-rv1")[1]);

		this.clients.revoke(Actor.of("test"), this.tenant, client.value().id());

		assertThat(live.endCode()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void shouldEndASubscriptionWhenItsTenantIsSuspended() {
		Live live = follow(TestTokens.forTenant(this.tenant.slug(), "VIEWER"),
				this.network.createSubscriber("rv-2", "secret-rv2")[1]);

		this.catalog.suspend(this.tenant, "unpaid");

		assertThat(live.endCode()).isEqualTo("TENANT_SUSPENDED");
	}

	private Live follow(String token, String operationId) {
		List<String> statuses = new CopyOnWriteArrayList<>();
		AtomicReference<Throwable> error = new AtomicReference<>();
		socket(token).document(FOLLOW)
			.variable("id", operationId)
			.executeSubscription()
			.toFlux("operationUpdated.status", String.class)
			.subscribe(statuses::add, error::set);
		await().atMost(Duration.ofSeconds(30)).until(() -> !statuses.isEmpty());
		assertThat(error.get()).isNull();
		return new Live(error);
	}

	private WebSocketGraphQlTester socket(String token) {
		return GraphQlSockets.as(this.port, token);
	}

	private record Live(AtomicReference<Throwable> error) {

		/**
		 * Waits for the subscription to end with an error (within the cache lifetimes).
		 */
		String endCode() {
			await().atMost(Duration.ofSeconds(20)).until(() -> this.error.get() != null);
			assertThat(this.error.get()).isInstanceOf(SubscriptionErrorException.class);
			List<ResponseError> errors = ((SubscriptionErrorException) this.error.get()).getErrors();
			return String.valueOf(errors.getFirst().getExtensions().get("code"));
		}

	}

}
