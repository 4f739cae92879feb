package io.towerline.api.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every API path that sends commands to a router leaves command-log rows that say who
 * asked and which router, never {@code system:unknown} or no router: a router added and
 * changed with its connection checked, a connection test, a drift check, an import, a
 * subscriber's provisioning, suspension and removal, and a backup. Each step must leave
 * rows (a step that sent nothing would prove nothing) and every row it left must name the
 * staff user and the router.
 */
class CommandLogAttributionTests extends ApiTest {

	private static final String UPDATE_ROUTER = """
			mutation($input: UpdateRouterInput!) { updateRouter(input: $input) { router { id } errors { code } } }""";

	@Autowired
	JdbcClient jdbc;

	RouterOsSimulator simulator;

	TenantId tenant;

	HttpGraphQlTester admin;

	String staff;

	List<UUID> seen = new ArrayList<>();

	@BeforeEach
	void router() {
		this.simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_16)
			.user("api", "router-pass")
			.secrets(2)
			.start();
		this.tenant = newTenant("cmd-attr");
		this.admin = as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN"));
		this.staff = "user:user-of-" + this.tenant.slug();
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void shouldNameTheStaffUserAndTheRouterOnEveryCommandOfEveryPath() {
		String routerId = step("createRouter", null,
				() -> this.admin.documentName("driftCreateRouter")
					.variable("input", routerInput("core", "router-pass"))
					.execute()
					.path("createRouter.router.id")
					.entity(String.class)
					.get());
		step("updateRouter (new password, checked)", routerId, () -> {
			Map<String, Object> input = new java.util.HashMap<>(routerInput("core", "router-pass"));
			input.put("id", routerId);
			return this.admin.document(UPDATE_ROUTER)
				.variable("input", input)
				.execute()
				.path("updateRouter.errors")
				.entityList(Object.class)
				.hasSize(0);
		});
		step("testRouterConnection", routerId,
				() -> this.admin.documentName("testRouterConnection")
					.variable("id", routerId)
					.execute()
					.path("testRouterConnection.reachable")
					.entity(Boolean.class)
					.isEqualTo(true));
		step("checkDrift", routerId,
				() -> this.admin.documentName("checkDrift")
					.variable("input", Map.of("routerId", routerId))
					.execute()
					.path("checkDrift.report.status")
					.entity(String.class)
					.get());
		step("importRouter", routerId,
				() -> awaitSucceeded(this.admin.documentName("importRouter")
					.variable("input", Map.of("routerId", routerId))
					.execute()
					.path("importRouter.operation.id")
					.entity(String.class)
					.get()));
		String planId = this.admin.documentName("createPlan")
			.variable("input",
					Map.of("name", "Home 20", "profileName", "home-20", "downloadRate", "20M", "uploadRate", "5M"))
			.execute()
			.path("createPlan.plan.id")
			.entity(String.class)
			.get();
		String subscriberId = step("createSubscriber", routerId, () -> {
			var created = this.admin.documentName("createSubscriber")
				.variable("input",
						Map.of("username", "attr-1", "password", "pppoe-pass", "planId", planId, "routerId", routerId,
								"fullName", "Attributed"))
				.execute();
			awaitSucceeded(created.path("createSubscriber.operation.id").entity(String.class).get());
			return created.path("createSubscriber.subscriber.id").entity(String.class).get();
		});
		step("suspendSubscriber", routerId,
				() -> awaitSucceeded(this.admin.documentName("subscriberAction")
					.operationName("suspend")
					.variable("id", subscriberId)
					.execute()
					.path("suspendSubscriber.operation.id")
					.entity(String.class)
					.get()));
		step("takeBackup", routerId,
				() -> awaitSucceeded(this.admin.documentName("takeBackup")
					.variable("input", Map.of("routerId", routerId, "kind", "EXPORT"))
					.execute()
					.path("takeBackup.operation.id")
					.entity(String.class)
					.get()));
		step("deleteSubscriber", routerId,
				() -> awaitSucceeded(this.admin.documentName("subscriberAction")
					.operationName("deleteSubscriber")
					.variable("id", subscriberId)
					.execute()
					.path("deleteSubscriber.operation.id")
					.entity(String.class)
					.get()));
	}

	private Map<String, Object> routerInput(String name, String password) {
		return Map.of("name", name, "host", "127.0.0.1", "port", this.simulator.port(), "apiSsl", false, "username",
				"api", "password", password);
	}

	/**
	 * Runs one path and checks the rows it left; {@code routerId} null means the step
	 * adds the router and returns its id.
	 */
	private <T> T step(String path, @Nullable String routerId, Supplier<T> work) {
		T result = work.get();
		String router = (routerId != null) ? routerId : String.valueOf(result);
		List<Map<String, Object>> rows = this.jdbc
			.sql("SELECT id, action, actor, router_id FROM " + this.tenant.schemaName() + ".router_command_log")
			.query()
			.listOfRows()
			.stream()
			.filter((row) -> !this.seen.contains((UUID) row.get("id")))
			.toList();
		rows.forEach((row) -> this.seen.add((UUID) row.get("id")));
		assertThat(rows).as("command-log rows left by %s", path).isNotEmpty().allSatisfy((row) -> {
			assertThat(row.get("actor")).as("who asked, in %s", row).isEqualTo(this.staff);
			assertThat(String.valueOf(row.get("router_id"))).as("the router, in %s", row).isEqualTo(router);
		});
		return result;
	}

	private String awaitSucceeded(String operationId) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.admin.documentName("operation")
				.variable("id", operationId)
				.execute()
				.path("operation.status")
				.entity(String.class)
				.get()).isEqualTo("SUCCEEDED"));
		return operationId;
	}

}
