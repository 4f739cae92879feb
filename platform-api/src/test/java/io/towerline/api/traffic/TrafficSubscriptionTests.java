package io.towerline.api.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.audit.RouterCommandLog;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.testsupport.LogLines;
import io.towerline.core.traffic.LiveTraffic;
import io.towerline.mikrotik.client.RouterClients;
import io.towerline.mikrotik.client.RouterEndpoint;
import io.towerline.mikrotik.client.RouterTls;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.ppp.PppSecretSpec;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Live traffic over graphql-ws against the simulator, as a dashboard would watch it: one
 * router stream however many watch, an offline subscriber or a lost router reported as an
 * element of the stream (which then resumes), and another tenant refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrafficSubscriptionTests extends ApiTest {

	private static final String MONITOR = "/interface/monitor-traffic";

	@LocalServerPort
	int port;

	@Autowired
	LiveTraffic live;

	@Autowired
	JdbcClient jdbc;

	TenantId tenant;

	HttpGraphQlTester operator;

	RouterOsSimulator simulator;

	String routerId;

	String planId;

	final List<Disposable> watching = new CopyOnWriteArrayList<>();

	@BeforeEach
	void network() {
		this.tenant = newTenant("traffic");
		this.operator = as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR"));
		this.simulator = simulator(0);
		this.routerId = this.operator.documentName("createRouter")
			.variable("input",
					Map.of("name", "traffic-1", "host", "127.0.0.1", "port", this.simulator.port(), "username", "api",
							"password", "router-pass"))
			.execute()
			.path("createRouter.router.id")
			.entity(String.class)
			.get();
		this.planId = this.operator.documentName("createPlan")
			.variable("input",
					Map.of("name", "Home 20", "profileName", "home-20", "downloadRate", "20M", "uploadRate", "5M"))
			.execute()
			.path("createPlan.plan.id")
			.entity(String.class)
			.get();
	}

	@AfterEach
	void stop() {
		this.watching.forEach(Disposable::dispose);
		this.simulator.close();
	}

	@Test
	void shouldShareOneRouterStreamBetweenWatchersAndCancelItWhenTheLastLeaves() {
		String subscriber = onlineSubscriber("shared");
		this.simulator.clearReceivedCommands();
		LogLines audit = LogLines.of(RouterCommandLog.class);
		List<Map<String, Object>> first = watch(subscriber, TestTokens.forTenant(this.tenant.slug(), "VIEWER"));
		await().atMost(Duration.ofSeconds(30)).until(() -> samples(first) >= 1);
		List<Map<String, Object>> second = watch(subscriber, TestTokens.forTenant(this.tenant.slug(), "OPERATOR"));
		await().atMost(Duration.ofSeconds(30)).until(() -> samples(second) >= 3);
		assertThat(this.live.watchers(this.tenant, UUID.fromString(this.routerId), "<pppoe-shared>")).isEqualTo(2);
		assertThat(commands(MONITOR)).isEqualTo(1);
		// opened in the tenant: on record once, as the shared stream's opening (ADR 0188)
		audit.close();
		assertThat(audit.at(Level.WARN, ":" + this.simulator.port())).as("sent with no tenant bound").isEmpty();
		assertThat(
				this.jdbc.sql("SELECT actor FROM " + this.tenant.schemaName() + ".router_command_log WHERE action = ?")
					.param(MONITOR)
					.query(String.class)
					.list())
			.containsExactly("system:live-traffic");
		assertThat(first).allSatisfy((event) -> assertThat(event).containsEntry("__typename", "TrafficSample"));
		// a new stream's first sample may cover no movement yet; the traffic shows in the
		// next
		await().atMost(Duration.ofSeconds(30))
			.until(() -> first.stream().anyMatch((event) -> ((Number) event.get("txBitsPerSecond")).doubleValue() > 0));

		this.watching.getFirst().dispose();
		int samplesBefore = samples(second);
		await().atMost(Duration.ofSeconds(30)).until(() -> samples(second) > samplesBefore + 1);
		assertThat(commands("/cancel")).isZero();
		this.watching.getLast().dispose();
		await().atMost(Duration.ofSeconds(30)).until(() -> commands("/cancel") == 1 && this.live.streams() == 0);
		assertThat(commands(MONITOR)).isEqualTo(1);
	}

	@Test
	void shouldSayASubscriberIsOfflineAtOnceAndStreamWhenItDialsIn() {
		String[] created = createSubscriber("dozing");
		List<Map<String, Object>> events = watch(created[0], TestTokens.forTenant(this.tenant.slug(), "VIEWER"));
		await().atMost(Duration.ofSeconds(30)).until(() -> !events.isEmpty());
		assertThat(events.getFirst()).containsEntry("__typename", "TrafficInterruption")
			.containsEntry("code", "SUBSCRIBER_OFFLINE");
		assertThat(events.getFirst().get("retryAt")).isNotNull();
		this.simulator.connectSubscriber("dozing");
		await().atMost(Duration.ofSeconds(30)).until(() -> samples(events) >= 1);
	}

	@Test
	void shouldReportALostRouterInTheStreamAndResumeWhenItReturns() {
		String subscriber = onlineSubscriber("roaming");
		List<Map<String, Object>> events = watch(subscriber, TestTokens.forTenant(this.tenant.slug(), "VIEWER"));
		await().atMost(Duration.ofSeconds(30)).until(() -> samples(events) >= 1);
		int port = this.simulator.port();
		this.simulator.close();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> events.stream()
				.anyMatch((event) -> "ROUTER_UNREACHABLE".equals(event.get("code")) && event.get("message") != null));
		int seen = events.size();
		// the router comes back (after a reboot its session dials in again)
		this.simulator = simulator(port);
		addSecret(this.simulator, "roaming");
		this.simulator.connectSubscriber("roaming");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> events.stream()
				.skip(seen)
				.anyMatch((event) -> "TrafficSample".equals(event.get("__typename"))));
		assertThat(events.getLast()).containsEntry("__typename", "TrafficSample");
	}

	@Test
	void shouldStreamARoutersUplinkAndNameAMissingInterface() {
		String token = TestTokens.forTenant(this.tenant.slug(), "VIEWER");
		List<Map<String, Object>> uplink = watchRouter(this.routerId, "ether1", token);
		List<Map<String, Object>> missing = watchRouter(this.routerId, "sfp-sfpplus9", token);
		await().atMost(Duration.ofSeconds(30)).until(() -> samples(uplink) >= 1 && !missing.isEmpty());
		assertThat(missing.getFirst()).containsEntry("code", "INTERFACE_NOT_FOUND");
	}

	@Test
	void shouldNotLetAnotherTenantWatchTraffic() {
		String subscriber = onlineSubscriber("private");
		this.simulator.clearReceivedCommands();
		String other = TestTokens.forTenant(newTenant("traffic-other").slug(), "TENANT_ADMIN");
		assertThatException()
			.isThrownBy(() -> socket(other).documentName("subscriberTraffic")
				.variable("id", subscriber)
				.executeSubscription()
				.toFlux("subscriberTraffic", Map.class)
				.blockFirst(Duration.ofSeconds(30)))
			.withMessageContaining("NOT_FOUND");
		assertThatException()
			.isThrownBy(() -> socket(other).documentName("routerTraffic")
				.variable("routerId", this.routerId)
				.variable("interface", "ether1")
				.executeSubscription()
				.toFlux("routerTraffic", Map.class)
				.blockFirst(Duration.ofSeconds(30)))
			.withMessageContaining("NOT_FOUND");
		assertThat(commands(MONITOR)).isZero();
		assertThat(this.live.streams()).isZero();
	}

	private List<Map<String, Object>> watch(String subscriberId, String token) {
		return collect(socket(token).documentName("subscriberTraffic")
			.variable("id", subscriberId)
			.executeSubscription()
			.toFlux("subscriberTraffic", Map.class));
	}

	private List<Map<String, Object>> watchRouter(String routerId, String interfaceName, String token) {
		return collect(socket(token).documentName("routerTraffic")
			.variable("routerId", routerId)
			.variable("interface", interfaceName)
			.executeSubscription()
			.toFlux("routerTraffic", Map.class));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private List<Map<String, Object>> collect(Flux<Map> flux) {
		List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
		this.watching.add(flux.subscribe((event) -> events.add(event)));
		return events;
	}

	private static int samples(List<Map<String, Object>> events) {
		return (int) events.stream().filter((event) -> "TrafficSample".equals(event.get("__typename"))).count();
	}

	private int commands(String path) {
		return (int) this.simulator.receivedCommands()
			.stream()
			.filter((command) -> command.path().equals(path))
			.count();
	}

	private String onlineSubscriber(String username) {
		String[] created = createSubscriber(username);
		assertThat(this.simulator.connectSubscriber(username)).isTrue();
		return created[0];
	}

	private String[] createSubscriber(String username) {
		var response = this.operator.documentName("createSubscriber")
			.variable("input",
					Map.of("username", username, "password", "secret-" + username, "planId", this.planId, "routerId",
							this.routerId))
			.execute();
		String id = response.path("createSubscriber.subscriber.id").entity(String.class).get();
		String operation = response.path("createSubscriber.operation.id").entity(String.class).get();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.simulator.secret(username).isPresent());
		return new String[] { id, operation };
	}

	private static RouterOsSimulator simulator(int port) {
		return RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.port(port)
			.user("api", "router-pass")
			.monitorInterval(Duration.ofMillis(200))
			.traffic(true)
			.tick(Duration.ofMillis(100))
			.recordCommands(true)
			.start();
	}

	private static void addSecret(RouterOsSimulator simulator, String name) {
		try (RouterClients clients = RouterClients.create()) {
			clients
				.client(new RouterEndpoint("127.0.0.1", simulator.port(), RouterTls.none(),
						new UsernamePassword("api", "router-pass".toCharArray())))
				.pppSecrets()
				.add(PppSecretSpec.pppoe(name, "secret-" + name, "default"));
		}
	}

	private WebSocketGraphQlTester socket(String token) {
		return GraphQlSockets.as(this.port, token);
	}

}
