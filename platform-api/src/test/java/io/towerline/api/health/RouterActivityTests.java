package io.towerline.api.health;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.alert.AlertSweeper;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The routers screen's history: the online count recorded with each health sample follows
 * logins and logouts on a tracked simulator, minute by minute and summed up per hour;
 * throughput history is bounded; another tenant reads neither. Same context as
 * {@code SessionGraphQlTests} (session tracking on), so no second one is started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "towerline.test.track-sessions=true", "towerline.sessions.sample-interval=300ms",
		"towerline.sessions.reread-interval=1h", "towerline.sessions.lease-ttl=2s",
		"towerline.sessions.lease-renew-interval=300ms", "towerline.sessions.reconnect-delay=200ms" })
class RouterActivityTests extends ApiTest {

	private static final String ONLINE_HISTORY = """
			query($id: ID!, $from: DateTime!, $to: DateTime!, $granularity: HealthGranularity) {
			  router(id: $id) { onlineHistory(from: $from, to: $to, granularity: $granularity) {
			    at samples online onlineMax onlineMin } }
			}""";

	private static final String THROUGHPUT_HISTORY = """
			query($id: ID!, $from: DateTime!, $to: DateTime!, $granularity: UsageGranularity) {
			  router(id: $id) { throughputHistory(from: $from, to: $to, granularity: $granularity) {
			    at seconds rxBitsPerSecond txBitsPerSecond } }
			}""";

	private static final String ONLINE_COUNT = "query($id: ID!) { router(id: $id) { onlineCount } }";

	@Autowired
	AlertSweeper sweeper;

	TenantId tenant;

	HttpGraphQlTester operator;

	NetworkFixture network;

	Instant hour;

	@BeforeEach
	void network() {
		this.tenant = newTenant("activity");
		this.operator = as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR")).mutate()
			.webTestClient((client) -> client.responseTimeout(Duration.ofSeconds(30)))
			.build();
		RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.secrets(3)
			.start();
		String routerId = this.operator.documentName("createRouter")
			.variable("input",
					Map.of("name", "activity-1", "host", "127.0.0.1", "port", simulator.port(), "username", "api",
							"password", "router-pass"))
			.execute()
			.path("createRouter.router.id")
			.entity(String.class)
			.get();
		this.network = new NetworkFixture(this.operator, simulator, routerId, "");
		// an hour that is over, so the hourly point sums up a whole hour of minutes
		this.hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldRecordTheOnlineCountWithEachHealthSample() {
		sweepAt(0);
		this.network.simulator().connectSubscriber("sub00001");
		this.network.simulator().connectSubscriber("sub00002");
		awaitOnline(2);
		sweepAt(1);
		this.network.simulator().disconnectSubscriber("sub00001");
		awaitOnline(1);
		sweepAt(2);

		List<Map<String, Object>> minutes = history(viewer(), "MINUTE", this.hour, this.hour.plus(Duration.ofHours(1)));
		assertThat(minutes).extracting((point) -> point.get("online")).containsExactly(0, 2, 1);
		assertThat(minutes).extracting((point) -> point.get("at"))
			.containsExactly(this.hour.toString(), this.hour.plus(Duration.ofMinutes(1)).toString(),
					this.hour.plus(Duration.ofMinutes(2)).toString());
		// the range cuts minutes, not just hours
		assertThat(history(viewer(), "MINUTE", this.hour.plus(Duration.ofMinutes(1)),
				this.hour.plus(Duration.ofMinutes(2))))
			.extracting((point) -> point.get("online"))
			.containsExactly(2);

		List<Map<String, Object>> hours = history(viewer(), "HOUR", this.hour, this.hour.plus(Duration.ofHours(1)));
		assertThat(hours).singleElement().satisfies((point) -> {
			assertThat(point).containsEntry("at", this.hour.toString()).containsEntry("samples", 3);
			assertThat(point).containsEntry("online", 1).containsEntry("onlineMax", 2).containsEntry("onlineMin", 0);
		});
	}

	@Test
	void shouldRefuseRangesOverTheLimit() {
		validationFailed(viewer().document(ONLINE_HISTORY)
			.variable("id", this.network.routerId())
			.variable("from", this.hour.toString())
			.variable("to", this.hour.plus(Duration.ofDays(30)).toString())
			.execute());
		validationFailed(viewer().document(THROUGHPUT_HISTORY)
			.variable("id", this.network.routerId())
			.variable("from", this.hour.toString())
			.variable("to", this.hour.plus(Duration.ofDays(30)).toString())
			.variable("granularity", "FIVE_MINUTES")
			.execute());
		assertThat(viewer().document(THROUGHPUT_HISTORY)
			.variable("id", this.network.routerId())
			.variable("from", this.hour.toString())
			.variable("to", this.hour.plus(Duration.ofDays(30)).toString())
			.variable("granularity", "HOUR")
			.execute()
			.path("router.throughputHistory")
			.entityList(Object.class)
			.get()).isEmpty();
	}

	@Test
	void shouldKeepTheHistoryAwayFromOtherTenants() {
		sweepAt(0);
		HttpGraphQlTester intruder = as(TestTokens.forTenant(newTenant("activity-b").slug(), "TENANT_ADMIN"));
		notFound(intruder.document(ONLINE_HISTORY)
			.variable("id", this.network.routerId())
			.variable("from", this.hour.toString())
			.variable("to", this.hour.plus(Duration.ofHours(1)).toString())
			.execute());
		notFound(intruder.document(THROUGHPUT_HISTORY)
			.variable("id", this.network.routerId())
			.variable("from", this.hour.toString())
			.variable("to", this.hour.plus(Duration.ofHours(1)).toString())
			.execute());
	}

	private List<Map<String, Object>> history(HttpGraphQlTester tester, String granularity, Instant from, Instant to) {
		return tester.document(ONLINE_HISTORY)
			.variable("id", this.network.routerId())
			.variable("from", from.toString())
			.variable("to", to.toString())
			.variable("granularity", granularity)
			.execute()
			.path("router.onlineHistory")
			.entityList(MAP)
			.get();
	}

	private void awaitOnline(int count) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.operator.document(ONLINE_COUNT)
				.variable("id", this.network.routerId())
				.execute()
				.path("router.onlineCount")
				.entity(Integer.class)
				.get() == count);
	}

	private void sweepAt(int minute) {
		this.sweeper.sweep(this.tenant, this.hour.plus(Duration.ofMinutes(minute)));
	}

	private HttpGraphQlTester viewer() {
		return as(TestTokens.forTenant(this.tenant.slug(), "VIEWER"));
	}

	private static void notFound(GraphQlTester.Response response) {
		code(response, "NOT_FOUND");
	}

	private static void validationFailed(GraphQlTester.Response response) {
		code(response, "VALIDATION_FAILED");
	}

	private static void code(GraphQlTester.Response response, String code) {
		response.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", code)));
	}

	@SuppressWarnings("unchecked")
	private static final Class<Map<String, Object>> MAP = (Class<Map<String, Object>>) (Class<?>) Map.class;

}
