package io.towerline.api.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.audit.RouterCommandLog;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.testsupport.LogLines;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Top talkers pushed over graphql-ws against the simulator: the ranking follows the
 * traffic without the client asking again, one shared ranking serves every watcher of a
 * tenant, and another tenant sees none of it (ADR 0172). Same context as
 * {@code TrafficSubscriptionTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TopTalkersSubscriptionTests extends ApiTest {

	private static final String CHANGED = """
			subscription($routerId: ID, $count: Int) { topTalkersChanged(routerId: $routerId, count: $count) {
			  measuredAt talkers { username router { id } subscriber { username } txBitsPerSecond }
			  unreachableRouters { id } } }""";

	@LocalServerPort
	int port;

	@Autowired
	TopTalkersFeed feed;

	TenantId tenant;

	NetworkFixture network;

	final List<Disposable> watching = new CopyOnWriteArrayList<>();

	@BeforeEach
	void network() {
		this.tenant = newTenant("toptalk");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR")), "toptalk-1");
		for (String name : List.of("talk-a", "talk-b")) {
			this.network.awaitSucceeded(this.network.createSubscriber(name, "secret-" + name)[1]);
			assertThat(this.network.simulator().connectSubscriber(name)).isTrue();
		}
	}

	@AfterEach
	void stop() {
		this.watching.forEach(Disposable::dispose);
		this.network.close();
	}

	@Test
	void shouldPushTheRankingAsTrafficMovesFromOneSharedRead() {
		LogLines audit = LogLines.of(RouterCommandLog.class);
		List<Map<String, Object>> viewer = watch(TestTokens.forTenant(this.tenant.slug(), "VIEWER"), null, 1);
		List<Map<String, Object>> operator = watch(TestTokens.forTenant(this.tenant.slug(), "OPERATOR"), null, 2);
		await().atMost(Duration.ofSeconds(30)).until(() -> !viewer.isEmpty() && !operator.isEmpty());

		// b busier than a: pushed to both, each with the head it asked for
		int viewerSeen = viewer.size();
		int operatorSeen = operator.size();
		this.network.simulator().addTraffic("talk-a", 100, 10_000, 1, 10);
		this.network.simulator().addTraffic("talk-b", 100, 50_000, 1, 50);
		await().atMost(Duration.ofSeconds(30)).until(() -> pushedSince(viewer, viewerSeen, List.of("talk-b")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> pushedSince(operator, operatorSeen, List.of("talk-b", "talk-a")));
		assertThat(operator.stream()
			.skip(operatorSeen)
			.filter((ranking) -> usernames(ranking).equals(List.of("talk-b", "talk-a")))
			.findFirst()
			.map((ranking) -> talkers(ranking).getFirst()))
			.hasValueSatisfying((talker) -> assertThat(talker).containsEntry("subscriber", Map.of("username", "talk-b"))
				.containsEntry("router", Map.of("id", this.network.routerId())));

		// then a overtakes b, with nobody asking
		int seen = viewer.size();
		this.network.simulator().addTraffic("talk-a", 100, 5_000_000, 1, 5_000);
		await().atMost(Duration.ofSeconds(30)).until(() -> pushedSince(viewer, seen, List.of("talk-a")));
		// two watchers of the tenant's ranking, one ranking read per period on this
		// replica (other tests' feeds are of other tenants and end with them)
		await().atMost(Duration.ofSeconds(30)).until(() -> this.feed.feeds() == 1);
		// each router read on a thread of its own, in the tenant (ADR 0188)
		audit.close();
		assertThat(audit.at(Level.WARN, ":" + this.network.simulator().port())).as("sent with no tenant bound")
			.isEmpty();
	}

	/**
	 * Whether a ranking pushed after the first {@code seen} had exactly these sessions on
	 * top (a ranking holds for one period only: the next compares counters that moved no
	 * more).
	 */
	private static boolean pushedSince(List<Map<String, Object>> rankings, int seen, List<String> top) {
		return rankings.stream().skip(seen).anyMatch((ranking) -> usernames(ranking).equals(top));
	}

	@Test
	void shouldShowAnotherTenantNoneOfTheTraffic() {
		this.network.simulator().addTraffic("talk-a", 100, 10_000, 1, 10);
		List<Map<String, Object>> owner = watch(TestTokens.forTenant(this.tenant.slug(), "VIEWER"),
				this.network.routerId(), 5);
		String intruder = TestTokens.forTenant(newTenant("toptalk-other").slug(), "TENANT_ADMIN");
		assertThatException()
			.isThrownBy(() -> socket(intruder).document(CHANGED)
				.variable("routerId", this.network.routerId())
				.variable("count", 5)
				.executeSubscription()
				.toFlux("topTalkersChanged", Map.class)
				.blockFirst(Duration.ofSeconds(30)))
			.withMessageContaining("NOT_FOUND");
		List<Map<String, Object>> all = watch(intruder, null, 5);
		this.network.simulator().addTraffic("talk-a", 100, 10_000, 1, 10);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !owner.isEmpty() && usernames(owner.getLast()).contains("talk-a") && all.size() >= 2);
		assertThat(all).allSatisfy((ranking) -> {
			assertThat(talkers(ranking)).isEmpty();
			assertThat((List<?>) ranking.get("unreachableRouters")).isEmpty();
		});
	}

	private List<Map<String, Object>> watch(String token, @Nullable String routerId, int count) {
		List<Map<String, Object>> rankings = new CopyOnWriteArrayList<>();
		Disposable subscription = socket(token).document(CHANGED)
			.variable("routerId", routerId)
			.variable("count", count)
			.executeSubscription()
			.toFlux("topTalkersChanged", Map.class)
			.subscribe((ranking) -> rankings.add(cast(ranking)));
		this.watching.add(subscription);
		return rankings;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> talkers(Map<String, Object> ranking) {
		return (List<Map<String, Object>>) ranking.get("talkers");
	}

	private static List<String> usernames(Map<String, Object> ranking) {
		return talkers(ranking).stream().map((talker) -> (String) talker.get("username")).toList();
	}

	private WebSocketGraphQlTester socket(String token) {
		return GraphQlSockets.as(this.port, token);
	}

}
