package io.towerline.api.operation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * graphql-ws subscriptions are priced when they open and capped per tenant (2 here):
 * operations that stay open because their router is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "towerline.rate-limit.max-subscriptions=2",
		"towerline.rate-limit.tiers.starter.capacity=100", "towerline.rate-limit.tiers.starter.restore-per-second=1" })
class SubscriptionLimitsTests extends ApiTest {

	private static final String FOLLOW = "subscription($id: ID!) { operationUpdated(id: $id) { id status attempts } }";

	@LocalServerPort
	int port;

	TenantId tenant;

	NetworkFixture network;

	@BeforeEach
	void routerDown() {
		this.tenant = newTenant("subs");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR")), "subs-1");
		// operations for this router stay open while it is down
		this.network.close();
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldRefuseASubscriptionOverTheTenantsCapAndTakeOneAgainWhenAPlaceFrees() {
		String token = TestTokens.forTenant(this.tenant.slug(), "VIEWER");
		String first = this.network.createSubscriber("cap-1", "secret-cap1")[1];
		String second = this.network.createSubscriber("cap-2", "secret-cap2")[1];
		Disposable one = open(token, first);
		open(token, second);

		assertThatException().isThrownBy(() -> firstStatus(token, first))
			.withMessageContaining("SUBSCRIPTION_LIMIT_EXCEEDED");
		// another tenant's subscriptions are counted apart
		String other = TestTokens.forTenant(newTenant("subs-other").slug(), "VIEWER");
		assertThatException().isThrownBy(() -> firstStatus(other, UUID.randomUUID().toString()))
			.withMessageContaining("NOT_FOUND");

		one.dispose();
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(firstStatus(token, first)).isNotBlank());
	}

	@Test
	void shouldPriceASubscriptionWhenItOpens() {
		String slug = TestDatabase.uniqueSlug("subs-poor");
		this.onboarding.onboard(slug, "Tenant " + slug, RateLimitTier.STARTER);
		String token = TestTokens.forTenant(slug, "VIEWER");
		// 89 objects and 44 ids (5 points) of the 100-point bucket
		as(token).document("{ pops(first: 44) { edges { node { id } } } }").execute();

		// 10 to open, 1 for the operation, 1 for its scalars: 12 > what is left
		assertThatException().isThrownBy(() -> firstStatus(token, UUID.randomUUID().toString()))
			.withMessageContaining("RATE_LIMITED");
	}

	private Disposable open(String token, String operationId) {
		List<String> statuses = new CopyOnWriteArrayList<>();
		Disposable subscription = socket(token).document(FOLLOW)
			.variable("id", operationId)
			.executeSubscription()
			.toFlux("operationUpdated.status", String.class)
			.subscribe(statuses::add);
		await().atMost(Duration.ofSeconds(30)).until(() -> !statuses.isEmpty());
		return subscription;
	}

	private String firstStatus(String token, String operationId) {
		return socket(token).document(FOLLOW)
			.variable("id", operationId)
			.executeSubscription()
			.toFlux("operationUpdated.status", String.class)
			.blockFirst(Duration.ofSeconds(30));
	}

	private WebSocketGraphQlTester socket(String token) {
		return GraphQlSockets.as(this.port, token);
	}

}
