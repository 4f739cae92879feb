package io.towerline.api.plan;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A plan served by two routers keeps its managed pool under one name with a different
 * range on each: the plan's own ranges on one, a router's own on the other; drift sees a
 * pool whose ranges are not the router's; another tenant cannot set them.
 */
class PlanRouterPoolTests extends ApiTest {

	private static final String SET = """
			mutation($input: SetPlanRouterPoolInput!) { setPlanRouterPool(input: $input) {
			  routerPools { routerId ranges } errors { field code } } }""";

	@Autowired
	JdbcClient jdbc;

	TenantId tenant;

	HttpGraphQlTester admin;

	NetworkFixture network;

	RouterOsSimulator second;

	String secondRouterId;

	String planId;

	@BeforeEach
	void twoRoutersOnePlan() {
		this.tenant = newTenant("pools");
		this.admin = as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN"));
		this.network = NetworkFixture.create(this.admin, "pool-a");
		this.second = RouterOsSimulator.builder().version(SimulatorVersion.V7_19).user("api", "router-pass").start();
		this.secondRouterId = this.admin.documentName("createRouter")
			.variable("input",
					Map.of("name", "pool-b", "host", "127.0.0.1", "port", this.second.port(), "username", "api",
							"password", "router-pass"))
			.execute()
			.path("createRouter.router.id")
			.entity(String.class)
			.get();
		this.planId = this.admin.documentName("createPlan")
			.variable("input",
					Map.of("name", "Pooled", "profileName", "pooled", "downloadRate", "10M", "uploadRate", "2M",
							"profile", Map.of("remoteAddress", "pool-pooled", "poolRanges", "10.1.0.10-10.1.0.250")))
			.execute()
			.path("createPlan.plan.id")
			.entity(String.class)
			.get();
	}

	@AfterEach
	void close() {
		this.network.close();
		this.second.close();
	}

	@Test
	void shouldKeepADifferentRangePerRouterUnderOneName() {
		List<Map<String, Object>> pools = set(this.secondRouterId, "10.2.0.10-10.2.0.250");
		assertThat(pools).containsExactly(Map.of("routerId", this.secondRouterId, "ranges", "10.2.0.10-10.2.0.250"));
		subscriber("pool-a1", this.network.routerId());
		subscriber("pool-b1", this.secondRouterId);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.network.simulator().pool("pool-pooled"))
				.hasValueSatisfying((pool) -> assertThat(pool.get("ranges")).isEqualTo("10.1.0.10-10.1.0.250"));
			assertThat(this.second.pool("pool-pooled"))
				.hasValueSatisfying((pool) -> assertThat(pool.get("ranges")).isEqualTo("10.2.0.10-10.2.0.250"));
			assertThat(this.second.secret("pool-b1")).isPresent();
		});
		// the profile refers to the same pool name on both routers
		assertThat(this.second.profile("pooled").orElseThrow()).containsEntry("remote-address", "pool-pooled");
		assertThat(differences(this.secondRouterId)).isEmpty();
		assertThat(differences(this.network.routerId())).isEmpty();

		// the platform now wants another range on B than B has: drift names the pool
		this.jdbc.sql("UPDATE " + this.tenant.schemaName() + ".plan_router_pool SET ranges = '10.3.0.0/24'").update();
		assertThat(differences(this.secondRouterId)).containsExactly("poolRanges 10.3.0.0/24 10.2.0.10-10.2.0.250");
		assertThat(differences(this.network.routerId())).isEmpty();

		// back to the plan's own ranges: B gets them on the next sync
		assertThat(set(this.secondRouterId, null)).isEmpty();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.second.pool("pool-pooled"))
				.hasValueSatisfying((pool) -> assertThat(pool.get("ranges")).isEqualTo("10.1.0.10-10.1.0.250")));
	}

	@Test
	void shouldRefuseBadRangesAPlanWithoutPoolAndAnotherTenant() {
		this.admin.document(SET)
			.variable("input", Map.of("planId", this.planId, "routerId", this.secondRouterId, "ranges", "10.2.0.300"))
			.execute()
			.path("setPlanRouterPool.errors[0]")
			.entity(Map.class)
			.isEqualTo(Map.of("field", "ranges", "code", "VALIDATION_FAILED"));
		this.admin.document(SET)
			.variable("input",
					Map.of("planId", this.network.planId(), "routerId", this.secondRouterId, "ranges", "10.2.0.0/24"))
			.execute()
			.path("setPlanRouterPool.errors[0]")
			.entity(Map.class)
			.isEqualTo(Map.of("field", "planId", "code", "INVALID_STATE"));

		HttpGraphQlTester intruder = as(TestTokens.forTenant(newTenant("pools-b").slug(), "TENANT_ADMIN"));
		intruder.document(SET)
			.variable("input", Map.of("planId", this.planId, "routerId", this.secondRouterId, "ranges", "10.9.0.0/24"))
			.execute()
			.path("setPlanRouterPool.errors[0]")
			.entity(Map.class)
			.isEqualTo(Map.of("field", "planId", "code", "NOT_FOUND"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM " + this.tenant.schemaName() + ".plan_router_pool")
			.query(Long.class)
			.single()).isZero();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> set(String routerId, String ranges) {
		Map<String, Object> input = new HashMap<>(Map.of("planId", this.planId, "routerId", routerId));
		input.put("ranges", ranges);
		HttpGraphQlTester.Response response = this.admin.document(SET).variable("input", input).execute();
		response.path("setPlanRouterPool.errors").entityList(Object.class).hasSize(0);
		return response.path("setPlanRouterPool.routerPools")
			.entityList(Map.class)
			.get()
			.stream()
			.map((pool) -> (Map<String, Object>) pool)
			.toList();
	}

	private void subscriber(String username, String routerId) {
		this.admin.documentName("createSubscriber")
			.variable("input",
					Map.of("username", username, "password", "secret-" + username, "planId", this.planId, "routerId",
							routerId))
			.execute()
			.path("createSubscriber.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/** "field platform router" of each settings difference a drift check finds. */
	private List<String> differences(String routerId) {
		return this.admin.document("""
				mutation($input: CheckDriftInput!) { checkDrift(input: $input) {
				  report { status items(first: 100) { edges { node { object differences {
				    field platformValue routerValue } } } } } errors { code } } }""")
			.variable("input", Map.of("routerId", routerId))
			.execute()
			.path("checkDrift.report.items.edges[*].node.differences[*]")
			.entityList(Map.class)
			.get()
			.stream()
			.map((difference) -> difference.get("field") + " " + difference.get("platformValue") + " "
					+ difference.get("routerValue"))
			.toList();
	}

}
