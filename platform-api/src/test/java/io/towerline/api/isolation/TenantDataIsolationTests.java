package io.towerline.api.isolation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.alert.AlertSweeper;
import io.towerline.core.router.RouterHealthCheck;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B on tenant A's subscribers, plans, routers, POPs and webhook endpoints, for the
 * fields the first isolation classes left out (ADR 0194): every field that takes one of
 * A's ids answers NOT_FOUND and changes nothing; the tenant-wide reads and counts show B
 * none of A's rows; B's settings are B's alone. Afterwards A's subscriber, plan, routers
 * and settings are as they were.
 */
class TenantDataIsolationTests extends ApiTest {

	/**
	 * Field → a document using A's ids as {@code $subscriber}, {@code $plan},
	 * {@code $router}, {@code $pop}, {@code $endpoint}, {@code $rule}, {@code $alert},
	 * {@code $operation}.
	 */
	private static final Map<String, String> ON_A = new LinkedHashMap<>();

	static {
		ON_A.put("extendSubscription", """
				mutation($subscriber: ID!) { extendSubscription(input: { subscriberId: $subscriber, days: 30 }) {
				  errors { field code } } }""");
		ON_A.put("bulkExtendSubscriptions", """
				mutation($subscriber: ID!) { bulkExtendSubscriptions(input: { subscriberIds: [$subscriber],
				  days: 30 }) { accepted rejected { key errors { code } } errors { field code } } }""");
		ON_A.put("bulkChangeSubscriberPlan", """
				mutation($subscriber: ID!, $plan: ID!) { bulkChangeSubscriberPlan(input: {
				  subscriberIds: [$subscriber], planId: $plan }) { accepted rejected { key errors { code } }
				  errors { field code } } }""");
		ON_A.put("bulkCreateSubscribers", """
				mutation($plan: ID!, $router: ID!) { bulkCreateSubscribers(input: { subscribers: [{
				  username: "iso-data-b1", password: "secret-b-1", planId: $plan, routerId: $router }] }) {
				  accepted rejected { key errors { code } } errors { field code } } }""");
		ON_A.put("setLifecyclePolicy", """
				mutation($plan: ID!) { setLifecyclePolicy(input: { enabled: true, noticeDays: [3], graceDays: 2,
				  gracePlanId: $plan, actionHour: 3, timeZone: "UTC" }) { errors { field code } } }""");
		ON_A.put("createRouter", """
				mutation($pop: ID!) { createRouter(input: { name: "iso-data-b", host: "127.0.0.1", port: 9,
				  popId: $pop, username: "api", password: "x", verifyConnection: false }) {
				  router { id } errors { field code } } }""");
		ON_A.put("importRouter", """
				mutation($router: ID!) { importRouter(input: { routerId: $router }) { errors { field code } } }""");
		ON_A.put("driftReports", """
				query($router: ID!) { driftReports(routerId: $router, first: 5) { edges { node { id } } } }""");
		ON_A.put("topTalkers", """
				query($router: ID!) { topTalkers(routerId: $router) { unreachableRouters { id } } }""");
		ON_A.put("usageTotal", """
				query($subscriber: ID!, $from: DateTime!, $to: DateTime!) { usageTotal(from: $from, to: $to,
				  subscriberId: $subscriber) { rxBytes txBytes } }""");
		ON_A.put("createAlertRule",
				"""
						mutation($router: ID!) { createAlertRule(input: { type: CPU_HIGH, name: "Iso B", severity: CRITICAL,
						  threshold: 50, forSeconds: 0, clearSeconds: 0, routerId: $router }) { rule { id } errors { field code } } }""");
		ON_A.put("alertRule", """
				query($rule: ID!) { alertRule(id: $rule) { id } }""");
		ON_A.put("updateAlertRule",
				"""
						mutation($rule: ID!) { updateAlertRule(input: { id: $rule, rule: { type: CPU_HIGH, name: "Taken",
						  severity: WARNING, threshold: 90, forSeconds: 0, clearSeconds: 0 } }) { rule { id } errors { field code } } }""");
		ON_A.put("deleteAlertRule", """
				mutation($rule: ID!) { deleteAlertRule(input: { id: $rule }) { deletedId errors { code } } }""");
		ON_A.put("acknowledgeAlert", """
				mutation($alert: ID!) { acknowledgeAlert(input: { id: $alert, note: "taken" }) {
				  alert { id } errors { field code } } }""");
		ON_A.put("retryOperations", """
				mutation($operation: ID!) { retryOperations(input: { ids: [$operation] }) { retriedCount
				  errors { field code } } }""");
		ON_A.put("sendTestWebhook", """
				mutation($endpoint: ID!) { sendTestWebhook(input: { endpointId: $endpoint }) {
				  delivery { id } errors { field code } } }""");
	}

	NetworkFixture network;

	TenantId tenantA;

	TenantId tenantB;

	HttpGraphQlTester adminA;

	HttpGraphQlTester adminB;

	String subscriberA;

	String popA;

	String endpointA;

	String operationA;

	String ruleA;

	String alertA;

	@Autowired
	RouterHealthCheck healthCheck;

	@Autowired
	AlertSweeper sweeper;

	@BeforeEach
	void twoTenants() {
		this.tenantA = newTenant("iso-data-a");
		this.adminA = as(TestTokens.forTenant(this.tenantA.slug(), "TENANT_ADMIN"));
		this.network = NetworkFixture.create(this.adminA, "iso-data-1");
		String[] created = this.network.createSubscriber("iso-data", "secret-iso-data");
		this.subscriberA = created[0];
		this.operationA = created[1];
		this.network.awaitSucceeded(this.operationA);
		this.ruleA = this.adminA.document("""
				mutation { createAlertRule(input: { type: CPU_HIGH, name: "Iso CPU", severity: CRITICAL, threshold: 50,
				  forSeconds: 0, clearSeconds: 0 }) { rule { id } errors { code } } }""")
			.execute()
			.path("createAlertRule.rule.id")
			.entity(String.class)
			.get();
		this.network.simulator().cpuLoad(99);
		TenantContext.callAs(this.tenantA, () -> this.healthCheck.check(UUID.fromString(this.network.routerId())));
		this.sweeper.sweep(this.tenantA, Instant.now());
		this.alertA = this.adminA
			.document("query($rule: ID) { alerts(ruleId: $rule, first: 1) { edges { node { id } } } }")
			.variable("rule", this.ruleA)
			.execute()
			.path("alerts.edges[0].node.id")
			.entity(String.class)
			.get();
		this.popA = this.adminA.document(
				"mutation { createPop(input: { name: \"Iso Hill\", address: \"Ridge 1\" }) { pop { id } errors { code } } }")
			.execute()
			.path("createPop.pop.id")
			.entity(String.class)
			.get();
		this.endpointA = this.adminA.document("""
				mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hook", events: "*" }) {
				  endpoint { id } errors { code } } }""")
			.execute()
			.path("createWebhookEndpoint.endpoint.id")
			.entity(String.class)
			.get();
		this.tenantB = newTenant("iso-data-b");
		this.adminB = as(TestTokens.forTenant(this.tenantB.slug(), "TENANT_ADMIN"));
	}

	@AfterEach
	void close() {
		this.network.close();
	}

	@Test
	void shouldAnswerNotFoundOnAnotherTenantsIdsAndChangeNothing() {
		String subscriberOfA = "query($id: ID!) { subscriber(id: $id) { status expiresOn plan { id } router { id } } }";
		Map<String, Object> before = readA(subscriberOfA, this.subscriberA, "subscriber");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		Map<String, Object> variables = Map.ofEntries(Map.entry("subscriber", this.subscriberA),
				Map.entry("plan", this.network.planId()), Map.entry("router", this.network.routerId()),
				Map.entry("pop", this.popA), Map.entry("endpoint", this.endpointA), Map.entry("rule", this.ruleA),
				Map.entry("alert", this.alertA), Map.entry("operation", this.operationA),
				Map.entry("from", now.minus(1, ChronoUnit.DAYS).toString()),
				Map.entry("to", now.plus(1, ChronoUnit.HOURS).toString()));
		ON_A.forEach((field, document) -> {
			GraphQlTester.Request<?> request = this.adminB.document(document);
			variables.forEach((name, value) -> {
				if (document.contains("$" + name + ":")) {
					request.variable(name, value);
				}
			});
			CrossTenantAnswers.assertNotFound(field, request.execute());
		});
		// the CSV names plans and routers: A's names are unknown in B, so the row is
		// refused as invalid
		Map<String, Object> imported = this.adminB
			.document(
					"""
							mutation { importSubscribersCsv(input: { csv: "username,password,plan,router\\niso-data-b2,secret-b-2,Home 20,iso-data-1\\n" }) {
							  accepted rejected { key errors { field code } } } }""")
			.execute()
			.path("importSubscribersCsv")
			.entity(Map.class)
			.get();
		assertThat(imported).containsEntry("accepted", 0);
		assertThat(imported.get("rejected")).asString().contains("iso-data-b2");

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
		assertThat(this.adminB.document("{ subscriberCount }")
			.execute()
			.path("subscriberCount")
			.entity(Integer.class)
			.get()).as("nothing created in B with A's plan").isZero();
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
		onA.forEach((field, document) -> {
			GraphQlTester.Request<?> request = this.adminB.document(document);
			idsOfA.forEach((name, id) -> {
				if (document.contains("$" + name + ":")) {
					request.variable(name, id);
				}
			});
			CrossTenantAnswers.assertNotFound(field, request.execute());
		});

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
	void shouldCountAndFindNoneOfAnotherTenantsRows() {
		String username = "iso-data";
		assertThat(count(this.adminA, username)).isEqualTo(1);
		assertThat(count(this.adminB, username)).isZero();
		assertThat(this.adminB.document("""
				query($text: String) { subscriberSearch(text: $text, first: 10) { edges { node { id } } } }""")
			.variable("text", username)
			.execute()
			.path("subscriberSearch.edges")
			.entityList(Object.class)
			.get()).isEmpty();
		assertThat(this.adminB.document(
				"""
						query($id: ID) { sessionHistory(filter: { subscriberId: $id }, first: 10) { edges { node { id } } } }""")
			.variable("id", this.subscriberA)
			.execute()
			.path("sessionHistory.edges")
			.entityList(Object.class)
			.get()).isEmpty();
		assertThat(this.adminB.document(
				"""
						query($router: ID) { onlineSessions(filter: { routerId: $router }, first: 10) { edges { node { id } } } }""")
			.variable("router", this.network.routerId())
			.execute()
			.path("onlineSessions.edges")
			.entityList(Object.class)
			.get()).isEmpty();

		String summary = "{ tenantSummary { routers { total } subscribers { total } onlineSessions } }";
		assertThat(this.adminA.document(summary).execute().path("tenantSummary").entity(Map.class).get())
			.containsEntry("routers", Map.of("total", 1))
			.containsEntry("subscribers", Map.of("total", 1));
		assertThat(this.adminB.document(summary).execute().path("tenantSummary").entity(Map.class).get())
			.containsEntry("routers", Map.of("total", 0))
			.containsEntry("subscribers", Map.of("total", 0))
			.containsEntry("onlineSessions", 0);
		assertThat(this.adminB.document("{ tenantThroughput { routersRead routersUnreachable } }")
			.execute()
			.path("tenantThroughput")
			.entity(Map.class)
			.get()).containsEntry("routersRead", 0).containsEntry("routersUnreachable", 0);
		assertThat(this.adminB.document("query($router: ID) { alerts(routerId: $router, first: 10) { totalCount } }")
			.variable("router", this.network.routerId())
			.execute()
			.path("alerts.totalCount")
			.entity(Integer.class)
			.get()).as("A's open alert").isZero();
		assertThat(this.adminB.document("{ alertRules { name } }")
			.execute()
			.path("alertRules[*].name")
			.entityList(String.class)
			.get()).doesNotContain("Iso CPU");
		assertThat(this.adminB.document("{ me { tenant } }").execute().path("me.tenant").entity(String.class).get())
			.isEqualTo(this.tenantB.slug());
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

	private int count(HttpGraphQlTester tester, String text) {
		return tester.document("query($text: String) { subscriberCount(text: $text) }")
			.variable("text", text)
			.execute()
			.path("subscriberCount")
			.entity(Integer.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> readA(String query, String id, String field) {
		return this.adminA.document(query).variable("id", id).execute().path(field).entity(Map.class).get();
	}

}
