package io.towerline.api.isolation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B acting on tenant A's subscribers, plans, routers, POPs, alert rules, alerts,
 * operations, webhook endpoints, backups, drift reports and router imports (ADR 0194):
 * every mutation that takes one of A's ids answers NOT_FOUND and changes nothing, and B's
 * settings are B's alone. Afterwards A's subscriber, routers, alerts, operation, backups
 * and settings are as they were.
 */
class TenantDataMutationIsolationTests extends TenantDataTest {

	/** Field → a mutation using A's ids (see {@link #assertNotFoundForB}). */
	private static final Map<String, String> MUTATIONS_ON_A = new LinkedHashMap<>();

	static {
		MUTATIONS_ON_A.put("extendSubscription", """
				mutation($subscriber: ID!) { extendSubscription(input: { subscriberId: $subscriber, days: 30 }) {
				  errors { field code } } }""");
		MUTATIONS_ON_A.put("setLifecyclePolicy", """
				mutation($plan: ID!) { setLifecyclePolicy(input: { enabled: true, noticeDays: [3], graceDays: 2,
				  gracePlanId: $plan, actionHour: 3, timeZone: "UTC" }) { errors { field code } } }""");
		MUTATIONS_ON_A.put("createRouter", """
				mutation($pop: ID!) { createRouter(input: { name: "iso-data-b", host: "127.0.0.1", port: 9,
				  popId: $pop, username: "api", password: "x", verifyConnection: false }) {
				  router { id } errors { field code } } }""");
		MUTATIONS_ON_A.put("importRouter", """
				mutation($router: ID!) { importRouter(input: { routerId: $router }) { errors { field code } } }""");
		MUTATIONS_ON_A.put("createAlertRule",
				"""
						mutation($router: ID!) { createAlertRule(input: { type: CPU_HIGH, name: "Iso B", severity: CRITICAL,
						  threshold: 50, forSeconds: 0, clearSeconds: 0, routerId: $router }) { rule { id } errors { field code } } }""");
		MUTATIONS_ON_A.put("updateAlertRule",
				"""
						mutation($rule: ID!) { updateAlertRule(input: { id: $rule, rule: { type: CPU_HIGH, name: "Taken",
						  severity: WARNING, threshold: 90, forSeconds: 0, clearSeconds: 0 } }) { rule { id } errors { field code } } }""");
		MUTATIONS_ON_A.put("deleteAlertRule", """
				mutation($rule: ID!) { deleteAlertRule(input: { id: $rule }) { deletedId errors { code } } }""");
		MUTATIONS_ON_A.put("acknowledgeAlert", """
				mutation($alert: ID!) { acknowledgeAlert(input: { id: $alert, note: "taken" }) {
				  alert { id } errors { field code } } }""");
		MUTATIONS_ON_A.put("retryOperations", """
				mutation($operation: ID!) { retryOperations(input: { ids: [$operation] }) { retriedCount
				  errors { field code } } }""");
		MUTATIONS_ON_A.put("sendTestWebhook", """
				mutation($endpoint: ID!) { sendTestWebhook(input: { endpointId: $endpoint }) {
				  delivery { id } errors { field code } } }""");
	}

	@Test
	void shouldAnswerNotFoundOnAnotherTenantsIdsAndChangeNothing() {
		String subscriberOfA = "query($id: ID!) { subscriber(id: $id) { status expiresOn plan { id } router { id } } }";
		Map<String, Object> before = readA(subscriberOfA, this.subscriberA, "subscriber");
		assertNotFoundForB(MUTATIONS_ON_A);

		assertThat(readA(subscriberOfA, this.subscriberA, "subscriber")).isEqualTo(before)
			.containsEntry("status", "ACTIVE")
			.containsEntry("plan", Map.of("id", this.network.planId()))
			.containsEntry("router", Map.of("id", this.network.routerId()));
		assertThat(this.adminA.document("{ routers(first: 100) { edges { node { id } } } }")
			.execute()
			.path("routers.edges[*].node.id")
			.entityList(String.class)
			.get()).containsExactly(this.network.routerId());
		assertThat(
				this.adminA.document("query($id: ID!) { webhookDeliveries(webhookEndpointId: $id) { nodes { id } } }")
					.variable("id", this.endpointA)
					.execute()
					.path("webhookDeliveries.nodes")
					.entityList(Object.class)
					.get())
			.as("no test delivery to A's endpoint")
			.isEmpty();
		assertThat(this.adminA.document("query($id: ID!) { alert(id: $id) { state acknowledgedBy rule { name } } }")
			.variable("id", this.alertA)
			.execute()
			.path("alert")
			.entity(Map.class)
			.get()).as("A's alert and rule untouched")
			.containsEntry("state", "OPEN")
			.containsEntry("acknowledgedBy", null)
			.containsEntry("rule", Map.of("name", "Iso CPU"));
		assertThat(this.adminA.document("query($id: ID!) { operation(id: $id) { status attempts } }")
			.variable("id", this.operationA)
			.execute()
			.path("operation.status")
			.entity(String.class)
			.get()).as("A's operation not retried").isEqualTo("SUCCEEDED");
	}

	@Test
	void shouldNotShowCompareOrRestoreAnotherTenantsBackupsDriftReportsOrImports() {
		String taken = this.adminA.document("""
				mutation($router: ID!) { takeBackup(input: { routerId: $router, kind: EXPORT }) {
				  operation { id } errors { code } } }""")
			.variable("router", this.network.routerId())
			.execute()
			.path("takeBackup.operation.id")
			.entity(String.class)
			.get();
		this.network.awaitSucceeded(taken);
		String backups = "query($id: ID!) { router(id: $id) { backups(first: 10) { edges { node { id } } } } }";
		String backup = this.adminA.document(backups)
			.variable("id", this.network.routerId())
			.execute()
			.path("router.backups.edges[0].node.id")
			.entity(String.class)
			.get();
		String report = this.adminA.document(
				"mutation($router: ID!) { checkDrift(input: { routerId: $router }) { report { id } errors { code } } }")
			.variable("router", this.network.routerId())
			.execute()
			.path("checkDrift.report.id")
			.entity(String.class)
			.get();
		String routerImport = this.adminA.document("""
				mutation($router: ID!) { importRouter(input: { routerId: $router }) { routerImport { id }
				  errors { code } } }""")
			.variable("router", this.network.routerId())
			.execute()
			.path("importRouter.routerImport.id")
			.entity(String.class)
			.get();

		Map<String, String> onA = new LinkedHashMap<>();
		onA.put("backup", "query($backup: ID!) { backup(id: $backup) { id } }");
		onA.put("backupDiff", "query($backup: ID!) { backupDiff(from: $backup, to: $backup) { __typename } }");
		onA.put("restoreBackup",
				"""
						mutation($backup: ID!) { restoreBackup(input: { backupId: $backup, confirmation: "RESTORE iso-data-1" }) {
						  errors { field code } } }""");
		onA.put("driftReport", "query($report: ID!) { driftReport(id: $report) { id } }");
		onA.put("resolveDriftItems", """
				mutation($report: ID!) { resolveDriftItems(input: { reportId: $report, all: true, action: ADOPT }) {
				  errors { field code } } }""");
		onA.put("routerImport", "query($import: ID!) { routerImport(id: $import) { id } }");
		Map<String, Object> idsOfA = Map.of("backup", backup, "report", report, "import", routerImport);
		assertNotFoundForB(onA, idsOfA);

		assertThat(this.adminA.document(backups)
			.variable("id", this.network.routerId())
			.execute()
			.path("router.backups.edges[*].node.id")
			.entityList(String.class)
			.get()).as("A's backups: still the one, no restore's safety copy").containsExactly(backup);
		assertThat(this.network.simulator().receivedCommands()).as("no restore sent to A's router")
			.noneMatch(
					(command) -> command.path().startsWith("/system/backup/load") || command.path().equals("/import"));
		this.adminA
			.document("query($id: ID!, $import: ID!) { driftReport(id: $id) { id } routerImport(id: $import) { id } }")
			.variable("id", report)
			.variable("import", routerImport)
			.execute()
			.path("driftReport.id")
			.entity(String.class)
			.isEqualTo(report);
	}

	@Test
	void shouldKeepEachTenantsSettingsItsOwn() {
		Map<String, Object> before = settings(this.adminA);

		this.adminB.document("""
				mutation { setBackupSettings(input: { enabled: true, intervalMinutes: 777, keepLast: 7, keepDays: 9,
				  includeSensitive: false, binary: false }) { errors { code } } }""")
			.execute()
			.path("setBackupSettings.errors")
			.entityList(Object.class)
			.hasSize(0);
		this.adminB.document("mutation { setOperationPolicy(input: { routerWaitSeconds: 4321 }) { errors { code } } }")
			.execute()
			.path("setOperationPolicy.errors")
			.entityList(Object.class)
			.hasSize(0);
		boolean repairOfA = (Boolean) ((Map<?, ?>) before.get("driftSettings")).get("automaticRepair");
		this.adminB
			.document("mutation($on: Boolean!) { setAutomaticDriftRepair(input: { enabled: $on }) { "
					+ "errors { code } } }")
			.variable("on", !repairOfA)
			.execute()
			.path("setAutomaticDriftRepair.errors")
			.entityList(Object.class)
			.hasSize(0);

		assertThat(settings(this.adminB)).as("B's own settings changed")
			.containsEntry("backupSettings", Map.of("intervalMinutes", 777, "keepLast", 7))
			.containsEntry("operationPolicy", Map.of("routerWaitSeconds", 4321))
			.containsEntry("driftSettings", Map.of("automaticRepair", !repairOfA));
		assertThat(settings(this.adminA)).as("A's settings untouched").isEqualTo(before);
	}

	private static Map<String, Object> settings(HttpGraphQlTester tester) {
		GraphQlTester.Response response = tester
			.document("{ backupSettings { intervalMinutes keepLast } operationPolicy { routerWaitSeconds } "
					+ "driftSettings { automaticRepair } }")
			.execute();
		Map<String, Object> settings = new LinkedHashMap<>();
		for (String field : List.of("backupSettings", "operationPolicy", "driftSettings")) {
			settings.put(field, response.path(field).entity(Map.class).get());
		}
		// an Int read into a map of Objects comes back as a double
		settings.put("operationPolicy", Map.of("routerWaitSeconds",
				response.path("operationPolicy.routerWaitSeconds").entity(Integer.class).get()));
		return settings;
	}

}
