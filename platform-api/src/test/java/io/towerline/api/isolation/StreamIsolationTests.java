package io.towerline.api.isolation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Tenant B on tenant A's live streams and sessions over graphql-ws: every subscription
 * that takes one of A's ids (an operation, a router, a subscriber) ends with NOT_FOUND
 * before anything is sent to A's router; B's live feed narrowed to A's router shows none
 * of A's sessions; B cannot disconnect A's session. Afterwards A's subscriber is still
 * online and A's router was asked for no traffic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the session tests' settings: their context is reused
@TestPropertySource(properties = { "towerline.test.track-sessions=true", "towerline.sessions.sample-interval=300ms",
		"towerline.sessions.reread-interval=1h", "towerline.sessions.lease-ttl=2s",
		"towerline.sessions.lease-renew-interval=300ms", "towerline.sessions.reconnect-delay=200ms" })
class StreamIsolationTests extends ApiTest {

	private static final String MONITOR = "/interface/monitor-traffic";

	/** Subscription field → a document using A's ids. */
	private static final Map<String, String> ON_A = Map.of("operationUpdated", """
			subscription($operation: ID!) { operationUpdated(id: $operation) { id status } }""",
			"onlineSessionsChanged", """
					subscription($router: ID!) { onlineSessionsChanged(routerId: $router) { change sessionId } }""",
			"topTalkersChanged", """
					subscription($router: ID!) { topTalkersChanged(routerId: $router) { measuredAt } }""",
			"routerTraffic",
			"""
					subscription($router: ID!) { routerTraffic(routerId: $router, interface: "ether1") { __typename } }""",
			"subscriberTraffic", """
					subscription($subscriber: ID!) { subscriberTraffic(subscriberId: $subscriber) { __typename } }""");

	private static final String FEED = """
			subscription($filter: OnlineSessionFilter) { onlineSessionsFeed(filter: $filter) {
			  snapshot started { id username } } }""";

	private static final String ONLINE = "{ onlineSessions(first: 10) { edges { node { id username } } } }";

	@LocalServerPort
	int port;

	NetworkFixture network;

	HttpGraphQlTester operatorA;

	String subscriberA;

	String operationA;

	TenantId tenantB;

	final List<Disposable> watching = new CopyOnWriteArrayList<>();

	@BeforeEach
	void onlineSubscriberOfA() {
		TenantId tenantA = newTenant("iso-stream-a");
		this.operatorA = as(TestTokens.forTenant(tenantA.slug(), "OPERATOR"));
		this.network = NetworkFixture.create(this.operatorA, "iso-stream-1");
		String[] created = this.network.createSubscriber("iso-stream", "secret-iso-stream");
		this.subscriberA = created[0];
		this.operationA = created[1];
		this.network.awaitSucceeded(this.operationA);
		assertThat(this.network.simulator().connectSubscriber("iso-stream")).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> online(this.operatorA).size() == 1);
		this.network.simulator().clearReceivedCommands();
		this.tenantB = newTenant("iso-stream-b");
	}

	@AfterEach
	void close() {
		this.watching.forEach(Disposable::dispose);
		this.network.close();
	}

	@Test
	void shouldRefuseEveryStreamOnAnotherTenantsIds() {
		Map<String, Object> idsOfA = Map.of("operation", this.operationA, "router", this.network.routerId(),
				"subscriber", this.subscriberA);
		ON_A.forEach((field, document) -> {
			WebSocketGraphQlTester.Request<?> request = socket(this.tenantB).document(document);
			idsOfA.forEach((name, id) -> {
				if (document.contains("$" + name + ":")) {
					request.variable(name, id);
				}
			});
			assertThatException().as(field)
				.isThrownBy(
						() -> request.executeSubscription().toFlux(field, Map.class).blockFirst(Duration.ofSeconds(30)))
				.withMessageContaining("NOT_FOUND");
		});
		assertThat(this.network.simulator().receivedCommands()).as("nothing asked of A's router for B")
			.noneMatch((command) -> command.path().equals(MONITOR));
	}

	@Test
	void shouldShowNoneOfAnotherTenantsSessionsAndNotDisconnectThem() {
		List<Map<String, Object>> ofB = watch(this.tenantB, Map.of("routerId", this.network.routerId()));
		await().atMost(Duration.ofSeconds(30)).until(() -> !ofB.isEmpty());
		assertThat(ofB.get(0)).as("B's snapshot of A's router").containsEntry("snapshot", true);
		assertThat((List<?>) ofB.get(0).get("started")).isEmpty();

		String sessionId = (String) online(this.operatorA).get(0).get("id");
		HttpGraphQlTester adminB = as(TestTokens.forTenant(this.tenantB.slug(), "TENANT_ADMIN"));
		CrossTenantAnswers.assertNotFound("disconnectSession", adminB
			.document("mutation($id: ID!) { disconnectSession(input: { sessionId: $id }) { errors { field code } } }")
			.variable("id", sessionId)
			.execute());

		assertThat(this.network.simulator().onlineSubscribers()).containsExactly("iso-stream");
		assertThat(online(this.operatorA)).extracting((node) -> node.get("id")).containsExactly(sessionId);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> online(HttpGraphQlTester tester) {
		return tester.document(ONLINE)
			.execute()
			.path("onlineSessions.edges[*].node")
			.entityList(Map.class)
			.get()
			.stream()
			.map((node) -> (Map<String, Object>) node)
			.toList();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> watch(TenantId tenant, Map<String, Object> filter) {
		List<Map<String, Object>> batches = new CopyOnWriteArrayList<>();
		this.watching.add(socket(tenant).document(FEED)
			.variable("filter", filter)
			.executeSubscription()
			.toFlux("onlineSessionsFeed", Map.class)
			.subscribe((batch) -> batches.add((Map<String, Object>) batch)));
		return batches;
	}

	private WebSocketGraphQlTester socket(TenantId tenant) {
		String token = TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN");
		return GraphQlSockets.as(this.port, token);
	}

}
