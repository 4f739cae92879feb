package io.towerline.api.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.core.traffic.LiveTraffic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Traffic subscriptions are priced and capped like every subscription (the same settings
 * as {@code SubscriptionLimitsTests}, so the application is shared): a refused watcher
 * never joins a router stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "towerline.rate-limit.max-subscriptions=2",
		"towerline.rate-limit.tiers.starter.capacity=100", "towerline.rate-limit.tiers.starter.restore-per-second=1" })
class TrafficSubscriptionLimitsTests extends ApiTest {

	private static final String WATCH = "subscription($id: ID!) { subscriberTraffic(subscriberId: $id) { "
			+ "__typename ... on TrafficInterruption { code } } }";

	@LocalServerPort
	int port;

	@Autowired
	LiveTraffic live;

	TenantId tenant;

	NetworkFixture network;

	@BeforeEach
	void network() {
		this.tenant = newTenant("traffic-cap");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR")), "cap-1");
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldRefuseATrafficWatchOverTheTenantsCap() {
		String subscriber = this.network.createSubscriber("capped", "secret-capped")[0];
		String token = TestTokens.forTenant(this.tenant.slug(), "VIEWER");
		Disposable one = open(token, subscriber);
		open(token, subscriber);
		assertThatException().isThrownBy(() -> first(token, subscriber))
			.withMessageContaining("SUBSCRIPTION_LIMIT_EXCEEDED");
		assertThat(this.live.watchers(this.tenant, UUID.fromString(this.network.routerId()), "<pppoe-capped>"))
			.isEqualTo(2);
		one.dispose();
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(first(token, subscriber)).isNotEmpty());
	}

	@Test
	void shouldPriceATrafficWatchWhenItOpens() {
		String slug = TestDatabase.uniqueSlug("traffic-poor");
		this.onboarding.onboard(slug, "Tenant " + slug, RateLimitTier.STARTER);
		String token = TestTokens.forTenant(slug, "VIEWER");
		// 89 objects and 44 ids (5 points) of the 100-point bucket
		as(token).document("{ pops(first: 44) { edges { node { id } } } }").execute();
		// 10 to open, 1 for the event, 1 for its scalars: 12 > what is left
		assertThatException().isThrownBy(() -> first(token, UUID.randomUUID().toString()))
			.withMessageContaining("RATE_LIMITED");
	}

	@SuppressWarnings("rawtypes")
	private Disposable open(String token, String subscriberId) {
		List<Map> events = new CopyOnWriteArrayList<>();
		Disposable subscription = socket(token).document(WATCH)
			.variable("id", subscriberId)
			.executeSubscription()
			.toFlux("subscriberTraffic", Map.class)
			.subscribe(events::add);
		await().atMost(Duration.ofSeconds(30)).until(() -> !events.isEmpty());
		return subscription;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> first(String token, String subscriberId) {
		return socket(token).document(WATCH)
			.variable("id", subscriberId)
			.executeSubscription()
			.toFlux("subscriberTraffic", Map.class)
			.blockFirst(Duration.ofSeconds(30));
	}

	private WebSocketGraphQlTester socket(String token) {
		return GraphQlSockets.as(this.port, token);
	}

}
