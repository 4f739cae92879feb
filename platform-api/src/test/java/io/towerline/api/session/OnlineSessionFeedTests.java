package io.towerline.api.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live table's feed: a snapshot of who is online, then every login and logout as a
 * batch, from a simulated router tracked by this application; filtered by plan; another
 * tenant's feed shows none of it. Same properties as {@code SessionGraphQlTests}, so both
 * share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "towerline.test.track-sessions=true", "towerline.sessions.sample-interval=300ms",
		"towerline.sessions.reread-interval=1h", "towerline.sessions.lease-ttl=2s",
		"towerline.sessions.lease-renew-interval=300ms", "towerline.sessions.reconnect-delay=200ms" })
class OnlineSessionFeedTests extends ApiTest {

	private static final String FEED = """
			subscription($filter: OnlineSessionFilter) { onlineSessionsFeed(filter: $filter) {
			  snapshot truncated ended started { id routerId subscriberId planId username address callerId loginAt } } }""";

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext context;

	TenantId tenant;

	NetworkFixture network;

	HttpGraphQlTester operator;

	private final List<Disposable> watching = new CopyOnWriteArrayList<>();

	@BeforeEach
	void network() {
		this.tenant = newTenant("feed");
		this.operator = as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR")).mutate()
			.webTestClient((client) -> client.responseTimeout(Duration.ofSeconds(30)))
			.build();
		RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.secrets(5)
			.start();
		String routerId = this.operator.documentName("createRouter")
			.variable("input",
					Map.of("name", "feed-1", "host", "127.0.0.1", "port", simulator.port(), "username", "api",
							"password", "router-pass"))
			.execute()
			.path("createRouter.router.id")
			.entity(String.class)
			.get();
		String planId = this.operator.documentName("createPlan")
			.variable("input",
					Map.of("name", "Feed 20", "profileName", "feed-20", "downloadRate", "20M", "uploadRate", "5M"))
			.execute()
			.path("createPlan.plan.id")
			.entity(String.class)
			.get();
		this.network = new NetworkFixture(this.operator, simulator, routerId, planId);
	}

	@AfterEach
	void stop() {
		this.watching.forEach(Disposable::dispose);
		if (this.network != null) {
			this.network.close();
		}
	}

	@Test
	void shouldSnapshotThenBatchEveryLoginAndLogout() {
		assertThat(this.network.simulator().connectSubscriber("sub00001")).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> online() == 1);

		List<Map<String, Object>> batches = watch(TestTokens.forTenant(this.tenant.slug(), "VIEWER"), Map.of());
		await().atMost(Duration.ofSeconds(30)).until(() -> !batches.isEmpty());
		Map<String, Object> snapshot = batches.get(0);
		assertThat(snapshot).containsEntry("snapshot", true).containsEntry("truncated", false);
		assertThat(names(snapshot)).containsExactly("sub00001");
		assertThat(rows(snapshot).get(0)).containsEntry("routerId", this.network.routerId())
			.containsEntry("subscriberId", null)
			.containsEntry("planId", null);

		assertThat(this.network.simulator().connectSubscriber("sub00002")).isTrue();
		this.network.simulator().disconnectSubscriber("sub00001");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(batches.stream().skip(1).flatMap((batch) -> names(batch).stream())).containsExactly("sub00002");
			assertThat(batches.stream().skip(1).mapToInt((batch) -> ((List<?>) batch.get("ended")).size()).sum())
				.isOne();
		});
		String firstId = (String) rows(snapshot).get(0).get("id");
		assertThat(batches.stream()
			.skip(1)
			.flatMap((batch) -> ((List<?>) batch.get("ended")).stream().map(String::valueOf))).containsExactly(firstId);
		// never an empty batch
		assertThat(batches.subList(1, batches.size())).allSatisfy((batch) -> {
			assertThat(batch).containsEntry("snapshot", false);
			assertThat(rows(batch).size() + ((List<?>) batch.get("ended")).size()).isPositive();
		});

		// a second watcher joining now starts from what is online now
		List<Map<String, Object>> late = watch(TestTokens.forTenant(this.tenant.slug(), "VIEWER"), Map.of());
		await().atMost(Duration.ofSeconds(30)).until(() -> !late.isEmpty());
		assertThat(names(late.get(0))).containsExactly("sub00002");
	}

	@Test
	void shouldFilterByPlanAndNameTheSubscribersPlan() {
		String[] alice = this.network.createSubscriber("alice", "secret-alice-1");
		this.network.awaitSucceeded(alice[1]);
		List<Map<String, Object>> onPlan = watch(TestTokens.forTenant(this.tenant.slug(), "OPERATOR"),
				Map.of("planId", this.network.planId()));
		await().atMost(Duration.ofSeconds(30)).until(() -> !onPlan.isEmpty());
		assertThat(rows(onPlan.get(0))).isEmpty();

		assertThat(this.network.simulator().connectSubscriber("sub00003")).isTrue();
		assertThat(this.network.simulator().connectSubscriber("alice")).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(onPlan.stream().flatMap((batch) -> rows(batch).stream())).singleElement()
				.satisfies((row) -> assertThat(row).containsEntry("username", "alice")
					.containsEntry("subscriberId", alice[0])
					.containsEntry("planId", this.network.planId())));
		await().atMost(Duration.ofSeconds(30)).until(() -> online() == 2);
		assertThat(onPlan.stream().flatMap((batch) -> names(batch).stream())).containsExactly("alice");
	}

	/**
	 * Spring pauses a cached test context while another runs and restarts it on its next
	 * use: tracking (and so this feed) must survive that, or every later class on the
	 * context fails (the journeys share one).
	 */
	@Test
	void shouldKeepFeedingAfterThePausedContextIsRestarted() {
		this.context.pause();
		this.context.restart();
		List<Map<String, Object>> batches = watch(TestTokens.forTenant(this.tenant.slug(), "VIEWER"), Map.of());
		assertThat(this.network.simulator().connectSubscriber("sub00004")).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(batches.stream().flatMap((batch) -> names(batch).stream()))
				.containsExactly("sub00004"));
	}

	@Test
	void shouldShowAnotherTenantNothing() {
		assertThat(this.network.simulator().connectSubscriber("sub00001")).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> online() == 1);
		TenantId other = newTenant("feed-other");
		String intruder = TestTokens.forTenant(other.slug(), "TENANT_ADMIN");
		List<Map<String, Object>> all = watch(intruder, Map.of());
		List<Map<String, Object>> byRouter = watch(intruder, Map.of("routerId", this.network.routerId()));
		List<Map<String, Object>> mine = watch(TestTokens.forTenant(this.tenant.slug(), "VIEWER"), Map.of());
		await().atMost(Duration.ofSeconds(30)).until(() -> !all.isEmpty() && !byRouter.isEmpty() && mine.size() == 1);
		assertThat(rows(all.get(0))).isEmpty();
		assertThat(rows(byRouter.get(0))).isEmpty();
		assertThat(names(mine.get(0))).containsExactly("sub00001");

		// a login the owner's feed sees reaches neither of the intruder's feeds (read in
		// the same pass)
		assertThat(this.network.simulator().connectSubscriber("sub00002")).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> mine.size() >= 2);
		assertThat(all).hasSize(1);
		assertThat(byRouter).hasSize(1);
	}

	private List<Map<String, Object>> watch(String token, Map<String, Object> filter) {
		List<Map<String, Object>> batches = new CopyOnWriteArrayList<>();
		Disposable subscription = socket(token).document(FEED)
			.variable("filter", filter)
			.executeSubscription()
			.toFlux("onlineSessionsFeed", Map.class)
			.subscribe((batch) -> batches.add(cast(batch)));
		this.watching.add(subscription);
		return batches;
	}

	private long online() {
		return this.operator.document("{ onlineSessions(first: 1) { totalCount } }")
			.execute()
			.path("onlineSessions.totalCount")
			.entity(Long.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> batch) {
		return (List<Map<String, Object>>) batch.get("started");
	}

	private static List<String> names(Map<String, Object> batch) {
		return rows(batch).stream().map((row) -> (String) row.get("username")).toList();
	}

	private WebSocketGraphQlTester socket(String token) {
		return GraphQlSockets.as(this.port, token);
	}

}
