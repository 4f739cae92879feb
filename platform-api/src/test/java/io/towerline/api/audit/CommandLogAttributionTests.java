package io.towerline.api.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

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
 * Every API path that sends commands to a router leaves command-log rows that say who
 * asked and which router, never {@code system:unknown}, a {@code system:} actor or no
 * router: a router added and changed with its connection checked, a connection test, a
 * drift check, an import, a subscriber's provisioning, suspension and removal, a backup,
 * and a plan's edit and deletion (their operations are enqueued by the plan's event
 * listener, ADR 0264). Each step must leave rows (a step that sent nothing would prove
 * nothing) and every row it left must name the staff user and the router. Adding a plan
 * sends nothing to routers.
 */
class CommandLogAttributionTests extends ApiTest {

	private static final String UPDATE_ROUTER = """
			mutation($input: UpdateRouterInput!) { updateRouter(input: $input) { router { id } errors { code } } }""";

	private static final String DELETE_PLAN = """
			mutation($id: ID!) { deletePlan(input: {id: $id}) { deletedId errors { code } } }""";

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
		// adds the router, checking its connection, and a plan
		NetworkFixture network = NetworkFixture.on(this.admin, this.simulator, "core");
		String routerId = network.routerId();
		assertRowsName("createRouter", routerId);
		run("updateRouter (new password, checked)", routerId,
				() -> this.admin.document(UPDATE_ROUTER)
					.variable("input",
							Map.of("id", routerId, "name", "core", "host", "127.0.0.1", "port", this.simulator.port(),
									"username", "api", "password", "router-pass"))
					.execute()
					.path("updateRouter.errors")
					.entityList(Object.class)
					.hasSize(0));
		run("testRouterConnection", routerId,
				() -> this.admin.documentName("testRouterConnection")
					.variable("id", routerId)
					.execute()
					.path("testRouterConnection.reachable")
					.entity(Boolean.class)
					.isEqualTo(true));
		run("checkDrift", routerId,
				() -> this.admin.documentName("checkDrift")
					.variable("input", Map.of("routerId", routerId))
					.execute()
					.path("checkDrift.report.status")
					.entity(String.class)
					.isEqualTo("COMPLETED"));
		run("importRouter", routerId,
				() -> network.awaitSucceeded(this.admin.documentName("importRouter")
					.variable("input", Map.of("routerId", routerId))
					.execute()
					.path("importRouter.operation.id")
					.entity(String.class)
					.get()));
		String subscriberId = step("createSubscriber", routerId, () -> {
			String[] created = network.createSubscriber("attr-1", "pppoe-pass");
			network.awaitSucceeded(created[1]);
			return created[0];
		});
		run("suspendSubscriber", routerId, () -> network.awaitSucceeded(network.suspend(subscriberId)));
		run("updatePlan", routerId,
				() -> network.awaitSucceeded(this.admin.documentName("planEdit")
					.operationName("updatePlan")
					.variable("input",
							Map.of("id", network.planId(), "version", planVersion(network.planId()), "name", "Home 30",
									"profileName", "home-20", "downloadRate", "30M", "uploadRate", "5M"))
					.execute()
					.path("updatePlan.operations[0].id")
					.entity(String.class)
					.get()));
		String spare = this.admin.documentName("createPlan")
			.variable("input",
					Map.of("name", "Spare", "profileName", "spare-10", "downloadRate", "10M", "uploadRate", "2M"))
			.execute()
			.path("createPlan.plan.id")
			.entity(String.class)
			.get();
		assertThat(newRows()).as("command-log rows left by createPlan").isEmpty();
		run("deletePlan", routerId, () -> {
			this.admin.document(DELETE_PLAN)
				.variable("id", spare)
				.execute()
				.path("deletePlan.deletedId")
				.entity(String.class)
				.isEqualTo(spare);
			awaitOperationsDone("REMOVE_PROFILE");
		});
		run("takeBackup", routerId,
				() -> network.awaitSucceeded(this.admin.documentName("takeBackup")
					.variable("input", Map.of("routerId", routerId, "kind", "EXPORT"))
					.execute()
					.path("takeBackup.operation.id")
					.entity(String.class)
					.get()));
		run("deleteSubscriber", routerId,
				() -> network.awaitSucceeded(this.admin.documentName("subscriberAction")
					.operationName("deleteSubscriber")
					.variable("id", subscriberId)
					.execute()
					.path("deleteSubscriber.operation.id")
					.entity(String.class)
					.get()));
	}

	/** The rows written since the last look. */
	private List<Map<String, Object>> newRows() {
		List<Map<String, Object>> rows = this.jdbc
			.sql("SELECT id, action, actor, router_id FROM " + this.tenant.schemaName() + ".router_command_log")
			.query()
			.listOfRows()
			.stream()
			.filter((row) -> !this.seen.contains((UUID) row.get("id")))
			.toList();
		rows.forEach((row) -> this.seen.add((UUID) row.get("id")));
		return rows;
	}

	private int planVersion(String planId) {
		return this.admin.documentName("planEdit")
			.operationName("planVersion")
			.variable("id", planId)
			.execute()
			.path("plan.version")
			.entity(Integer.class)
			.get();
	}

	/** Waits until the operations of the kind (there are some) have all SUCCEEDED. */
	private void awaitOperationsDone(String kind) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("SELECT status FROM " + this.tenant.schemaName() + ".router_operation WHERE kind = ?")
						.param(kind)
						.query(String.class)
						.list())
				.isNotEmpty()
				.containsOnly("SUCCEEDED"));
	}

	/** Runs one path and checks the rows it left. */
	private void run(String path, String routerId, Runnable work) {
		work.run();
		assertRowsName(path, routerId);
	}

	/** Runs one path, checks the rows it left and returns what it answered. */
	private <T> T step(String path, String routerId, Supplier<T> work) {
		T result = work.get();
		assertRowsName(path, routerId);
		return result;
	}

	/**
	 * The rows written since the last check: there are some, and each names the staff
	 * user and the router.
	 */
	private void assertRowsName(String path, String routerId) {
		assertThat(newRows()).as("command-log rows left by %s", path).isNotEmpty().allSatisfy((row) -> {
			assertThat(row.get("actor")).as("who asked, in %s", row).isEqualTo(this.staff);
			assertThat(String.valueOf(row.get("router_id"))).as("the router, in %s", row).isEqualTo(routerId);
		});
	}

}
