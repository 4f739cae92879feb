package io.towerline.api.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dashboard snapshots through GraphQL against the simulator: top talkers and a router's
 * throughput from the sessions' counters, read with one command per router and read.
 */
class TrafficSnapshotTests extends ApiTest {

	TenantId tenant;

	NetworkFixture network;

	@BeforeEach
	void network() {
		this.tenant = newTenant("snapshot");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR")), "snap-1");
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldRankTheBusiestSessionsAndSumThemIntoTheRoutersThroughput() {
		for (String name : List.of("snap-a", "snap-b", "snap-c")) {
			this.network.awaitSucceeded(this.network.createSubscriber(name, "secret-" + name)[1]);
			assertThat(this.network.simulator().connectSubscriber(name)).isTrue();
		}
		this.network.simulator().clearReceivedCommands();
		var viewer = as(TestTokens.forTenant(this.tenant.slug(), "VIEWER"));
		Map<String, Object> top = viewer.documentName("topTalkers")
			.variable("routerId", this.network.routerId())
			.variable("first", 2)
			.execute()
			.path("topTalkers")
			.entity(Map.class)
			.get();
		List<Map<String, Object>> talkers = (List<Map<String, Object>>) top.get("talkers");
		assertThat(talkers).hasSize(2);
		assertThat(total(talkers.get(0))).isGreaterThanOrEqualTo(total(talkers.get(1))).isPositive();
		assertThat(talkers).allSatisfy((talker) -> {
			assertThat((Map<String, Object>) talker.get("subscriber")).containsEntry("username",
					talker.get("username"));
			assertThat((Map<String, Object>) talker.get("router")).containsEntry("id", this.network.routerId());
		});
		assertThat((List<?>) top.get("unreachableRouters")).isEmpty();
		// two counter reads (no earlier one to compare with), each one command
		assertThat(this.network.simulator().receivedCommands()).filteredOn((c) -> c.path().equals("/interface/print"))
			.hasSize(2)
			.allSatisfy((command) -> assertThat(command.queries()).contains("=type=pppoe-in"));

		Map<String, Object> router = viewer.documentName("routerThroughput")
			.variable("id", this.network.routerId())
			.execute()
			.path("router")
			.entity(Map.class)
			.get();
		assertThat(router).containsEntry("simulated", false);
		Map<String, Object> throughput = (Map<String, Object>) router.get("throughput");
		assertThat(throughput).containsEntry("sessions", 3);
		// the read is shared with the top talkers' (younger than snapshot-reuse) or
		// newer:
		// either way the three sessions sum to at least the two busiest
		assertThat(number(throughput, "txBitsPerSecond") + number(throughput, "rxBitsPerSecond"))
			.isGreaterThanOrEqualTo(total(talkers.get(0)) + total(talkers.get(1)) * 0.5);
	}

	@Test
	void shouldNotShowAnotherTenantsRouterTraffic() {
		var other = as(TestTokens.forTenant(newTenant("snapshot-other").slug(), "TENANT_ADMIN"));
		other.documentName("topTalkers")
			.variable("routerId", this.network.routerId())
			.variable("first", 5)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
		Map<?, ?> all = other.documentName("topTalkers")
			.variable("first", 5)
			.execute()
			.path("topTalkers")
			.entity(Map.class)
			.get();
		assertThat((List<?>) all.get("talkers")).isEmpty();
		assertThat(this.network.simulator().receivedCommands()).noneMatch((c) -> c.path().equals("/interface/print"));
	}

	@Test
	void shouldAnswerRouterUnreachableForARouterThatCannotBeRead() {
		this.network.simulator().close();
		var viewer = as(TestTokens.forTenant(this.tenant.slug(), "VIEWER"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> viewer.documentName("routerThroughput")
				.variable("id", this.network.routerId())
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies(
							(error) -> assertThat(error.getExtensions()).containsEntry("code", "ROUTER_UNREACHABLE"))));
		Map<?, ?> top = viewer.documentName("topTalkers")
			.variable("first", 5)
			.execute()
			.path("topTalkers")
			.entity(Map.class)
			.get();
		assertThat((List<?>) top.get("unreachableRouters")).hasSize(1);
	}

	private static double total(Map<String, Object> talker) {
		return number(talker, "rxBitsPerSecond") + number(talker, "txBitsPerSecond");
	}

	private static double number(Map<String, Object> values, String name) {
		return ((Number) values.get(name)).doubleValue();
	}

}
