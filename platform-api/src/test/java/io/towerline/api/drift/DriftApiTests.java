package io.towerline.api.drift;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.simulator.ReceivedCommand;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator does: import an existing router, see what changed on it behind the
 * platform's back, and push the platform's state back, all through GraphQL.
 */
class DriftApiTests extends ApiTest {

	RouterOsSimulator simulator;

	TenantId tenant;

	String routerId;

	@BeforeEach
	void routerWithSecrets() {
		this.simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.secrets(4)
			.recordCommands(true)
			.start();
		this.tenant = newTenant("drift-api");
		this.routerId = createRouter(operator(), this.simulator.port());
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void shouldImportAsAnOperationAndCheckCleanAfterwardsWithoutChangingTheRouter() {
		this.simulator.putRawSecretValue("sub00001", "comment",
				"Müller, tower 3 \"west\"".getBytes(StandardCharsets.UTF_8));
		this.simulator.putRawSecretValue("sub00002", "comment", new byte[0]);
		this.simulator.clearReceivedCommands();
		Map<String, Object> started = operator().documentName("importRouter")
			.variable("input", Map.of("routerId", this.routerId))
			.execute()
			.path("importRouter")
			.entity(MAP)
			.get();
		assertThat(started.get("errors")).asList().isEmpty();
		Map<String, Object> operation = map(started.get("operation"));
		assertThat(operation).containsEntry("kind", "IMPORT_ROUTER");
		assertThat(map(started.get("routerImport"))).containsEntry("id", operation.get("id"));

		Map<String, Object> result = awaitImported((String) operation.get("id"));
		assertThat(result.get("createdPlanIds")).asList().hasSize(3);
		assertThat(result.get("createdPlans")).asList().hasSize(3);
		assertThat(result).containsEntry("subscribersCreated", 4).containsEntry("alreadyManaged", 0);
		assertThat(map(result.get("operation"))).containsEntry("progressDone", 4)
			.containsEntry("progressTotal", 4)
			.containsEntry("progressFailed", 0);
		assertThat(this.simulator.receivedCommands()).extracting(ReceivedCommand::path)
			.isNotEmpty()
			.allSatisfy((path) -> assertThat(path).matches("/login|.*/print"));
		assertThat(operator().documentName("driftSubscribers")
			.execute()
			.path("subscribers.edges[*].node")
			.entityList(MAP)
			.get()).extracting((node) -> node.get("username") + "=" + node.get("routerComment"))
			.containsExactlyInAnyOrder("sub00001=Müller, tower 3 \"west\"", "sub00002=null", "sub00003=customer 1003",
					"sub00004=customer 1004");

		Map<String, Object> report = check(operator());
		assertThat(report).containsEntry("status", "COMPLETED")
			.containsEntry("platformSubscribers", 4)
			.containsEntry("missingCount", 0)
			.containsEntry("unmanagedCount", 0)
			.containsEntry("differentCount", 0);
		assertThat(nodes(report)).isEmpty();
	}

	@Test
	void shouldReportASecretChangedBehindThePlatformsBackAndRepairItOnPushKeepingTheIspsComment() {
		importRouter();
		assertThat(check(operator())).containsEntry("differentCount", 0);
		String original = this.simulator.secret("sub00002").orElseThrow().get("password");

		this.simulator.putRawSecretValue("sub00002", "password", "changed-by-hand".getBytes(StandardCharsets.UTF_8));
		this.simulator.putRawSecretValue("sub00002", "disabled", "true".getBytes(StandardCharsets.UTF_8));
		this.simulator.putRawSecretValue("sub00003", "comment", "moved to tower 4".getBytes(StandardCharsets.UTF_8));
		Map<String, Object> report = check(operator());
		assertThat(report).containsEntry("differentCount", 1).containsEntry("missingCount", 0);
		assertThat(report.toString()).doesNotContain("changed-by-hand").doesNotContain(original);
		Map<String, Object> item = nodes(report).get(0);
		assertThat(item).containsEntry("name", "sub00002").containsEntry("kind", "DIFFERENT");
		assertThat(item.get("differences").toString()).contains("summary=password differs");

		Map<String, Object> pushed = pushAll(report);
		assertThat(pushed.get("resolvedCount")).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.simulator.secret("sub00002").orElseThrow()).containsEntry("password", original)
				.containsEntry("disabled", "false");
		});
		assertThat(this.simulator.secret("sub00002").orElseThrow()).containsEntry("comment", "customer 1002");
		assertThat(this.simulator.secret("sub00003").orElseThrow()).containsEntry("comment", "moved to tower 4");
		assertThat(check(operator())).containsEntry("differentCount", 0).containsEntry("missingCount", 0);
	}

	@Test
	void shouldNotLetAnotherTenantSeeOrActOnTheDriftReports() {
		Map<String, Object> report = check(operator());
		String reportId = (String) report.get("id");
		String itemId = (String) nodes(report).get(0).get("id");
		HttpGraphQlTester tenantB = as(TestTokens.forTenant(newTenant("drift-b").slug(), "TENANT_ADMIN"));

		assertNotFound(tenantB.documentName("driftReport").variable("id", reportId));
		assertNotFound(tenantB.documentName("driftReports").variable("routerId", this.routerId).variable("first", 10));
		assertNotFound(tenantB.documentName("checkDrift").variable("input", Map.of("routerId", this.routerId)));
		assertNotFound(tenantB.documentName("importRouter").variable("input", Map.of("routerId", this.routerId)));
		String importId = operator().documentName("importRouter")
			.variable("input", Map.of("routerId", this.routerId))
			.execute()
			.path("importRouter.operation.id")
			.entity(String.class)
			.get();
		assertNotFound(tenantB.documentName("routerImport").variable("id", importId));
		assertNotFound(tenantB.documentName("resolveDriftItems")
			.variable("input", Map.of("reportId", reportId, "itemIds", List.of(itemId), "action", "IGNORE")));

		operator().documentName("driftReport")
			.variable("id", reportId)
			.execute()
			.path("driftReport.items.edges[*].node.state")
			.entityList(String.class)
			.satisfies((states) -> assertThat(states).containsOnly("OPEN"));
		operator().documentName("driftReports")
			.variable("routerId", this.routerId)
			.variable("first", 10)
			.execute()
			.path("driftReports.edges")
			.entityList(Object.class)
			.hasSize(1);
	}

	@Test
	void shouldLetOnlyTenantAdminsSwitchAutomaticRepair() {
		operator().documentName("setAutomaticDriftRepair")
			.variable("input", Map.of("enabled", true))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN")).documentName("setAutomaticDriftRepair")
			.variable("input", Map.of("enabled", true))
			.execute()
			.path("setAutomaticDriftRepair.settings.automaticRepair")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	private static final Class<Map<String, Object>> MAP = mapType();

	@SuppressWarnings("unchecked")
	private static Class<Map<String, Object>> mapType() {
		return (Class<Map<String, Object>>) (Class<?>) Map.class;
	}

	private void importRouter() {
		String operationId = operator().documentName("importRouter")
			.variable("input", Map.of("routerId", this.routerId))
			.execute()
			.path("importRouter.operation.id")
			.entity(String.class)
			.get();
		assertThat(awaitImported(operationId)).containsEntry("subscribersCreated", 4);
	}

	private Map<String, Object> awaitImported(String operationId) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(map(routerImport(operationId).get("operation"))).containsEntry("status",
					"SUCCEEDED"));
		return routerImport(operationId);
	}

	private Map<String, Object> routerImport(String id) {
		return operator().documentName("routerImport")
			.variable("id", id)
			.execute()
			.path("routerImport")
			.entity(MAP)
			.get();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private Map<String, Object> check(HttpGraphQlTester caller) {
		return caller.documentName("checkDrift")
			.variable("input", Map.of("routerId", this.routerId))
			.execute()
			.path("checkDrift.report")
			.entity(MAP)
			.get();
	}

	private Map<String, Object> pushAll(Map<String, Object> report) {
		return operator().documentName("resolveDriftItems")
			.variable("input", Map.of("reportId", report.get("id"), "all", true, "action", "PUSH"))
			.execute()
			.path("resolveDriftItems")
			.entity(MAP)
			.get();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> nodes(Map<String, Object> report) {
		List<Map<String, Object>> edges = (List<Map<String, Object>>) ((Map<String, Object>) report.get("items"))
			.get("edges");
		return edges.stream().map((edge) -> (Map<String, Object>) edge.get("node")).toList();
	}

	private String createRouter(HttpGraphQlTester caller, int port) {
		return caller.documentName("driftCreateRouter")
			.variable("input",
					Map.of("name", "core", "host", "127.0.0.1", "port", port, "apiSsl", false, "username", "api",
							"password", "router-pass"))
			.execute()
			.path("createRouter.router.id")
			.entity(String.class)
			.get();
	}

	private HttpGraphQlTester operator() {
		return as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR"));
	}

	private static void assertNotFound(HttpGraphQlTester.Request<?> request) {
		request.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

}
