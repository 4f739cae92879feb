package io.towerline.api.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import io.towerline.mikrotik.simulator.TrafficCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Live sessions through GraphQL as staff see them, against a simulated router tracked by
 * this application: logins show in {@code onlineSessions}, {@code onlineSessionsChanged}
 * and the subscriber, usage matches the router's counters, a kick ends the session as
 * KICKED; another tenant sees, kicks and follows none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "towerline.test.track-sessions=true", "towerline.sessions.sample-interval=300ms",
		"towerline.sessions.reread-interval=1h", "towerline.sessions.lease-ttl=2s",
		"towerline.sessions.lease-renew-interval=300ms", "towerline.sessions.reconnect-delay=200ms" })
class SessionGraphQlTests extends ApiTest {

	private static final String ONLINE = """
			query($filter: OnlineSessionFilter, $first: Int, $after: String, $order: OnlineSessionOrder) {
			  onlineSessions(filter: $filter, first: $first, after: $after, orderBy: $order) {
			    totalCount totalCountCapped
			    edges { cursor node { id username unmanaged address callerId subscriber { id } router { id } } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	private static final String CHANGES = """
			subscription($routerId: ID!) { onlineSessionsChanged(routerId: $routerId) { change username sessionId } }""";

	@LocalServerPort
	int port;

	TenantId tenant;

	NetworkFixture network;

	HttpGraphQlTester operator;

	@Autowired
	OnlineSessionWatch watch;

	@BeforeEach
	void network() {
		this.tenant = newTenant("live");
		// a loaded machine (2 cores, many builds) can take more than the default 5 s
		this.operator = as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR")).mutate()
			.webTestClient((client) -> client.responseTimeout(Duration.ofSeconds(30)))
			.build();
		// seeded secrets sub00001... to dial in with; nobody online yet
		RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.secrets(5)
			.start();
		String routerId = this.operator.documentName("createRouter")
			.variable("input",
					Map.of("name", "live-1", "host", "127.0.0.1", "port", simulator.port(), "username", "api",
							"password", "router-pass"))
			.execute()
			.path("createRouter.router.id")
			.entity(String.class)
			.get();
		String planId = this.operator.documentName("createPlan")
			.variable("input",
					Map.of("name", "Live 20", "profileName", "live-20", "downloadRate", "20M", "uploadRate", "5M"))
			.execute()
			.path("createPlan.plan.id")
			.entity(String.class)
			.get();
		this.network = new NetworkFixture(this.operator, simulator, routerId, planId);
	}

	@AfterEach
	void stop() {
		if (this.network != null) {
			this.network.close();
		}
	}

	@Test
	void shouldShowALoginItsUsageAndItsKick() {
		String[] alice = this.network.createSubscriber("alice", "secret-alice-1");
		this.network.awaitSucceeded(alice[1]);
		assertThat(this.network.simulator().connectSubscriber("alice")).isTrue();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(online(this.operator, "ALI")).singleElement().satisfies((node) -> {
				assertThat(node).containsEntry("username", "alice").containsEntry("unmanaged", false);
				assertThat(node.get("subscriber")).isEqualTo(Map.of("id", alice[0]));
			}));
		String sessionId = (String) online(this.operator, "alice").get(0).get("id");
		Map<String, Object> subscriber = this.operator
			.document("query($id: ID!) { subscriber(id: $id) { session { id countersEvery } router { onlineCount } } }")
			.variable("id", alice[0])
			.execute()
			.path("subscriber")
			.entity(Map.class)
			.get();
		// the test samples every 300 ms: a client is told the next whole second
		assertThat(subscriber).containsEntry("session", Map.of("id", sessionId, "countersEvery", 1))
			.containsEntry("router", Map.of("onlineCount", 1));

		this.network.simulator().addTraffic("alice", 12_345, 6_000_000_000L, 17, 4_100_000);
		TrafficCounters truth = this.network.simulator().totalTraffic("alice");
		Instant from = Instant.now().minus(Duration.ofHours(1));
		Instant to = Instant.now().plus(Duration.ofHours(1));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Map<String, Object> total = this.operator.document("""
					query($id: ID!, $from: DateTime!, $to: DateTime!) {
					  subscriber(id: $id) { usage(from: $from, to: $to, granularity: FIVE_MINUTES, first: 10) {
					    total { rxBytes txBytes rxPackets txPackets } } }
					}""")
				.variable("id", alice[0])
				.variable("from", from.toString())
				.variable("to", to.toString())
				.execute()
				.path("subscriber.usage.total")
				.entity(Map.class)
				.get();
			assertThat(total).containsEntry("rxBytes", (double) truth.rxBytes())
				.containsEntry("txBytes", (double) truth.txBytes())
				.containsEntry("rxPackets", (double) truth.rxPackets())
				.containsEntry("txPackets", (double) truth.txPackets());
		});

		String operation = this.operator
			.document("mutation($id: ID!) { disconnectSession(input: {sessionId: $id}) { operation { id kind } "
					+ "errors { code } } }")
			.variable("id", sessionId)
			.execute()
			.path("disconnectSession.operation.id")
			.entity(String.class)
			.get();
		this.network.awaitSucceeded(operation);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.operator
				.document("query($id: ID!) { sessionHistory(filter: {subscriberId: $id}, first: 5) { edges { node { id "
						+ "endReason username } } } }")
				.variable("id", alice[0])
				.execute()
				.path("sessionHistory.edges[*].node")
				.entityList(Map.class)
				.get()).containsExactly(Map.of("id", sessionId, "endReason", "KICKED", "username", "alice")));
		assertThat(this.network.simulator().onlineSubscribers()).doesNotContain("alice");
	}

	@Test
	void shouldPageByKeysetWithoutLosingOrRepeatingSessions() {
		List<String> names = List.of("sub00001", "sub00002", "sub00003", "sub00004", "sub00005");
		names.forEach((name) -> assertThat(this.network.simulator().connectSubscriber(name)).isTrue());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(online(this.operator, null)).hasSize(names.size()));
		List<String> seen = new ArrayList<>();
		String after = null;
		do {
			Map<String, Object> page = this.operator.document(ONLINE)
				.variable("first", 2)
				.variable("after", after)
				.variable("order", "USERNAME")
				.execute()
				.path("onlineSessions")
				.entity(Map.class)
				.get();
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> edges = (List<Map<String, Object>>) page.get("edges");
			edges.forEach((edge) -> seen.add((String) ((Map<?, ?>) edge.get("node")).get("username")));
			assertThat(page.get("totalCount")).isEqualTo(names.size());
			assertThat(page.get("totalCountCapped")).isEqualTo(false);
			Map<?, ?> info = (Map<?, ?>) page.get("pageInfo");
			after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
		}
		while (after != null);
		assertThat(seen).containsExactlyElementsOf(names);
		assertThat(online(this.operator, "sub0000")).hasSize(names.size());
		assertThat(online(this.operator, "sub00003")).extracting((node) -> node.get("username"))
			.containsExactly("sub00003");
		assertThat(online(this.operator, "sub_")).isEmpty();
		// from three characters on, any part of the user name, address or caller-id
		assertThat(online(this.operator, "B00003")).extracting((node) -> node.get("username"))
			.containsExactly("sub00003");
		assertThat(online(this.operator, "0000")).hasSize(names.size());
		assertThat(online(this.operator, "b%0")).isEmpty();
		assertThat(online(this.operator, "b_0")).isEmpty();
		Map<String, Object> third = online(this.operator, "sub00003").get(0);
		String address = (String) third.get("address");
		String callerId = (String) third.get("callerId");
		assertThat(online(this.operator, address.substring(address.indexOf('.') + 1)))
			.extracting((node) -> node.get("username"))
			.contains("sub00003");
		assertThat(online(this.operator, callerId.substring(3).toUpperCase(Locale.ROOT)))
			.extracting((node) -> node.get("username"))
			.containsExactly("sub00003");
		this.operator.document(ONLINE)
			.variable("first", 2)
			.variable("after", "bm90LWEtY3Vyc29y")
			.execute()
			.errors()
			.expect((error) -> "INVALID_CURSOR".equals(error.getExtensions().get("code")))
			.verify();
	}

	@Test
	void shouldRefuseSearchTextHoldingAControlCharacterNamingTheField() {
		// the search keys' separator (ADR 0217) and a line break typed or pasted: a coded
		// error on the field, never a search (ADR 0229)
		for (String search : List.of("sub\u001f10", "\u001f", "sub0\n")) {
			this.operator.document(ONLINE)
				.variable("filter", Map.of("search", search))
				.variable("first", 100)
				.execute()
				.errors()
				.expect((error) -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
						&& error.getExtensions().get("fields") instanceof List<?> fields && fields.size() == 1
						&& fields.get(0) instanceof Map<?, ?> field && "search".equals(field.get("field")))
				.verify()
				.path("onlineSessions")
				.pathDoesNotExist();
		}
	}

	@Test
	void shouldStreamLoginsAndLogoutsOfTheRouter() {
		var changes = socket(TestTokens.forTenant(this.tenant.slug(), "VIEWER")).document(CHANGES)
			.variable("routerId", this.network.routerId())
			.executeSubscription()
			.toFlux("onlineSessionsChanged", Map.class);
		CompletableFuture<List<Map>> firstFour = changes.take(4).collectList().toFuture();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.watch.watches(UUID.fromString(this.network.routerId())));
		assertThat(this.network.simulator().connectSubscriber("sub00001")).isTrue();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(online(this.operator, null)).hasSize(1));
		this.network.simulator().disconnectSubscriber("sub00001");
		// a session shorter than any poll period: streamed all the same, in order
		assertThat(this.network.simulator().connectSubscriber("sub00002")).isTrue();
		this.network.simulator().disconnectSubscriber("sub00002");
		List<Map> events = firstFour.orTimeout(30, TimeUnit.SECONDS).join();
		assertThat(events).extracting((event) -> event.get("change") + ":" + event.get("username"))
			.containsExactly("STARTED:sub00001", "ENDED:sub00001", "STARTED:sub00002", "ENDED:sub00002");
	}

	@Test
	void shouldShowKickAndFollowNothingOfAnotherTenant() {
		assertThat(this.network.simulator().connectSubscriber("sub00001")).isTrue();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(online(this.operator, null)).hasSize(1));
		String sessionId = (String) online(this.operator, null).get(0).get("id");
		TenantId other = newTenant("live-other");
		HttpGraphQlTester intruder = as(TestTokens.forTenant(other.slug(), "TENANT_ADMIN")).mutate()
			.webTestClient((client) -> client.responseTimeout(Duration.ofSeconds(30)))
			.build();

		assertThat(online(intruder, null)).isEmpty();
		assertThat(intruder.document("{ sessionHistory(first: 10) { edges { node { id } } } }")
			.execute()
			.path("sessionHistory.edges")
			.entityList(Object.class)
			.get()).isEmpty();
		assertThat(intruder
			.document("mutation($id: ID!) { disconnectSession(input: {sessionId: $id}) { operation { id } "
					+ "errors { code } } }")
			.variable("id", sessionId)
			.execute()
			.path("disconnectSession.errors[*].code")
			.entityList(String.class)
			.get()).containsExactly("NOT_FOUND");
		intruder
			.document("query($id: ID!) { usageTotal(from: \"2020-01-01T00:00:00Z\", to: \"2030-01-01T00:00:00Z\", "
					+ "routerId: $id) { rxBytes } }")
			.variable("id", this.network.routerId())
			.execute()
			.errors()
			.expect((error) -> "NOT_FOUND".equals(error.getExtensions().get("code")))
			.verify();
		assertThatException()
			.isThrownBy(() -> socket(TestTokens.forTenant(other.slug(), "VIEWER")).document(CHANGES)
				.variable("routerId", this.network.routerId())
				.executeSubscription()
				.toFlux("onlineSessionsChanged", Map.class)
				.blockFirst(Duration.ofSeconds(30)))
			.withMessageContaining("NOT_FOUND");
		// nothing happened to tenant A's session
		assertThat(this.network.simulator().onlineSubscribers()).containsExactly("sub00001");
		assertThat(online(this.operator, null)).extracting((node) -> node.get("id")).containsExactly(sessionId);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> online(HttpGraphQlTester tester, String search) {
		return tester.document(ONLINE)
			.variable("filter", (search != null) ? Map.of("search", search) : Map.of())
			.variable("first", 100)
			.execute()
			.path("onlineSessions.edges[*].node")
			.entityList(Map.class)
			.get()
			.stream()
			.map((node) -> (Map<String, Object>) node)
			.toList();
	}

	private WebSocketGraphQlTester socket(String token) {
		return GraphQlSockets.as(this.port, token);
	}

}
