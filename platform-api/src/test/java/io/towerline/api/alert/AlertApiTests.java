package io.towerline.api.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Alerts, rules, bulk retry and health history through GraphQL, and that none of them
 * reaches across tenants.
 */
class AlertApiTests extends ApiTest {

	private static final String ALERTS = """
			query($state: [AlertState!], $routerId: ID) {
			  alerts(state: $state, routerId: $routerId, first: 10) {
			    totalCount
			    edges { node { id ruleType ruleName severity state summary acknowledgedBy acknowledgementNote
			      router { id } rule { id name } history { kind actor note } } }
			  }
			}""";

	private static final String ALERT = "query($id: ID!) { alert(id: $id) { id state } }";

	private static final String ACKNOWLEDGE = """
			mutation($input: AcknowledgeAlertInput!) {
			  acknowledgeAlert(input: $input) { alert { id state acknowledgedBy acknowledgementNote } errors { field code } }
			}""";

	private static final String CREATE_RULE = """
			mutation($input: AlertRuleInput!) {
			  createAlertRule(input: $input) { rule { id name type threshold forSeconds clearSeconds } errors { field code } }
			}""";

	private static final String UPDATE_RULE = """
			mutation($input: UpdateAlertRuleInput!) {
			  updateAlertRule(input: $input) { rule { id name } errors { field code } }
			}""";

	private static final String DELETE_RULE = """
			mutation($input: DeleteAlertRuleInput!) { deleteAlertRule(input: $input) { deletedId errors { code } } }""";

	private static final String RULE = "query($id: ID!) { alertRule(id: $id) { id name } }";

	private static final String RULES = "{ alertRules { id name type enabled } }";

	private static final String RETRY = """
			mutation($input: RetryOperationsInput!) {
			  retryOperations(input: $input) { retriedCount operations { id status } errors { field code message } }
			}""";

	private static final String HISTORY = """
			query($id: ID!, $from: DateTime!, $to: DateTime!, $granularity: HealthGranularity) {
			  router(id: $id) { healthHistory(from: $from, to: $to, granularity: $granularity) {
			    at samples reachableSamples cpuLoad cpuLoadMax freeMemoryPerMille uptimeSeconds } }
			}""";

	@Autowired
	AlertSweeper sweeper;

	@Autowired
	RouterHealthCheck healthCheck;

	TenantId tenant;

	TenantId other;

	NetworkFixture network;

	Instant start;

	@BeforeEach
	void network() {
		this.tenant = newTenant("alert-api");
		this.other = newTenant("alert-api-b");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR")), "alerting-1");
		this.start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldListCountFilterAndAcknowledgeAlerts() {
		String ruleId = createFastCpuRule();
		this.network.simulator().cpuLoad(99);
		sweepAt(0);

		Map<String, Object> page = viewer().document(ALERTS)
			.variable("state", List.of("OPEN"))
			.execute()
			.path("alerts")
			.entity(MAP)
			.get();
		assertThat(page).containsEntry("totalCount", 1);
		Map<String, Object> alert = nodes(page).get(0);
		assertThat(alert).containsEntry("ruleType", "CPU_HIGH")
			.containsEntry("ruleName", "Fast CPU")
			.containsEntry("severity", "CRITICAL")
			.containsEntry("state", "OPEN");
		assertThat(alert.get("router")).isEqualTo(Map.of("id", this.network.routerId()));
		assertThat(alert.get("rule")).isEqualTo(Map.of("id", ruleId, "name", "Fast CPU"));
		assertThat(alert.get("history").toString()).contains("OPENED").contains("system:alerts");

		Map<String, Object> acknowledged = operator().document(ACKNOWLEDGE)
			.variable("input", Map.of("id", alert.get("id"), "note", "on it"))
			.execute()
			.path("acknowledgeAlert")
			.entity(MAP)
			.get();
		assertThat(acknowledged.get("errors")).asList().isEmpty();
		assertThat(map(acknowledged.get("alert"))).containsEntry("state", "ACKNOWLEDGED")
			.containsEntry("acknowledgementNote", "on it");
		assertThat(count(List.of("OPEN"))).isZero();
		assertThat(count(List.of("ACKNOWLEDGED"))).isEqualTo(1);
		assertThat(count(List.of("OPEN", "ACKNOWLEDGED", "RESOLVED"))).isEqualTo(1);

		this.network.simulator().cpuLoad(3);
		sweepAt(1);
		assertThat(count(List.of("RESOLVED"))).isEqualTo(1);
		Map<String, Object> again = operator().document(ACKNOWLEDGE)
			.variable("input", Map.of("id", alert.get("id")))
			.execute()
			.path("acknowledgeAlert")
			.entity(MAP)
			.get();
		assertThat(again.get("errors").toString()).contains("INVALID_STATE");
	}

	@Test
	void shouldRefuseInvalidRulesWithCodedErrorsAndLetOnlyTenantAdminsChangeRules() {
		Map<String, Object> refused = admin().document(CREATE_RULE)
			.variable("input",
					Map.of("type", "CPU_HIGH", "name", "Router unreachable", "severity", "WARNING", "forSeconds", -5,
							"clearSeconds", 60, "minimumVersion", "7.1"))
			.execute()
			.path("createAlertRule")
			.entity(MAP)
			.get();
		assertThat(refused.get("rule")).isNull();
		assertThat(refused.get("errors")).asList()
			.extracting((error) -> map(error).get("field") + ":" + map(error).get("code"))
			.containsExactlyInAnyOrder("name:DUPLICATE", "threshold:VALIDATION_FAILED", "forSeconds:VALIDATION_FAILED",
					"minimumVersion:VALIDATION_FAILED");

		operator().document(CREATE_RULE)
			.variable("input", fastCpu("By an operator"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		assertThat(viewer().document(RULES).execute().path("alertRules[*].name").entityList(String.class).get())
			.contains("Router unreachable", "CPU above 90%")
			.doesNotContain("By an operator");
	}

	@Test
	void shouldServeTheRoutersHealthHistory() {
		this.network.simulator().cpuLoad(42);
		sweepAt(0);
		sweepAt(1);
		List<Map<String, Object>> points = viewer().document(HISTORY)
			.variable("id", this.network.routerId())
			.variable("from", this.start.toString())
			.variable("to", this.start.plus(Duration.ofMinutes(2)).toString())
			.execute()
			.path("router.healthHistory")
			.entityList(MAP)
			.get();
		assertThat(points).extracting((point) -> point.get("cpuLoad")).containsExactly(42, 42);
		assertThat(points).extracting((point) -> point.get("at"))
			.containsExactly(this.start.toString(), this.start.plus(Duration.ofMinutes(1)).toString());
		viewer().document(HISTORY)
			.variable("id", this.network.routerId())
			.variable("from", this.start.toString())
			.variable("to", this.start.plus(Duration.ofDays(30)).toString())
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "VALIDATION_FAILED")));
	}

	@Test
	void shouldRetryFailedOperationsByIdAndReportTheOnesThatAreNot() {
		String[] created = this.network.createSubscriber("retried", "secret-r1");
		this.network.awaitSucceeded(created[1]);
		Map<String, Object> outcome = operator().document(RETRY)
			.variable("input", Map.of("ids", List.of(created[1], UUID.randomUUID().toString())))
			.execute()
			.path("retryOperations")
			.entity(MAP)
			.get();
		assertThat(outcome).containsEntry("retriedCount", 0);
		assertThat(outcome.get("errors")).asList()
			.extracting((error) -> map(error).get("code"))
			.containsExactlyInAnyOrder("INVALID_STATE", "NOT_FOUND");
		Map<String, Object> both = operator().document(RETRY)
			.variable("input", Map.of("ids", List.of(created[1]), "routerId", this.network.routerId()))
			.execute()
			.path("retryOperations")
			.entity(MAP)
			.get();
		assertThat(both.get("errors").toString()).contains("VALIDATION_FAILED");
	}

	@Test
	void shouldKeepAlertsRulesAndHistoryAwayFromOtherTenants() {
		String ruleId = createFastCpuRule();
		this.network.simulator().cpuLoad(99);
		sweepAt(0);
		String alertId = (String) nodes(
				viewer().document(ALERTS).variable("state", List.of("OPEN")).execute().path("alerts").entity(MAP).get())
			.get(0)
			.get("id");
		String[] created = this.network.createSubscriber("theirs", "secret-x1");
		this.network.awaitSucceeded(created[1]);

		HttpGraphQlTester intruder = as(TestTokens.forTenant(this.other.slug(), "TENANT_ADMIN"));
		notFound(intruder.document(ALERT).variable("id", alertId).execute());
		notFound(intruder.document(ACKNOWLEDGE).variable("input", Map.of("id", alertId)).execute());
		notFound(intruder.document(RULE).variable("id", ruleId).execute());
		notFound(intruder.document(UPDATE_RULE)
			.variable("input", Map.of("id", ruleId, "rule", fastCpu("Stolen")))
			.execute());
		notFound(intruder.document(DELETE_RULE).variable("input", Map.of("id", ruleId)).execute());
		notFound(intruder.document(HISTORY)
			.variable("id", this.network.routerId())
			.variable("from", this.start.toString())
			.variable("to", this.start.plus(Duration.ofHours(1)).toString())
			.execute());
		assertThat(intruder.document(ALERTS).execute().path("alerts.totalCount").entity(Integer.class).get()).isZero();
		assertThat(intruder.document(ALERTS)
			.variable("routerId", this.network.routerId())
			.execute()
			.path("alerts.totalCount")
			.entity(Integer.class)
			.get()).isZero();
		assertThat(intruder.document(RULES).execute().path("alertRules[*].name").entityList(String.class).get())
			.doesNotContain("Fast CPU");
		Map<String, Object> retried = intruder.document(RETRY)
			.variable("input", Map.of("ids", List.of(created[1])))
			.execute()
			.path("retryOperations")
			.entity(MAP)
			.get();
		assertThat(retried).containsEntry("retriedCount", 0);
		assertThat(retried.get("errors").toString()).contains("NOT_FOUND");
		Map<String, Object> byFilter = intruder.document(RETRY)
			.variable("input", Map.of("routerId", this.network.routerId()))
			.execute()
			.path("retryOperations")
			.entity(MAP)
			.get();
		assertThat(byFilter).containsEntry("retriedCount", 0);

		// nothing of A changed
		Map<String, Object> stillOpen = viewer().document(ALERT)
			.variable("id", alertId)
			.execute()
			.path("alert")
			.entity(MAP)
			.get();
		assertThat(stillOpen).containsEntry("state", "OPEN");
		assertThat(viewer().document(RULE)
			.variable("id", ruleId)
			.execute()
			.path("alertRule.name")
			.entity(String.class)
			.get()).isEqualTo("Fast CPU");
	}

	private static void notFound(GraphQlTester.Response response) {
		response.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

	private String createFastCpuRule() {
		Map<String, Object> created = admin().document(CREATE_RULE)
			.variable("input", fastCpu("Fast CPU"))
			.execute()
			.path("createAlertRule")
			.entity(MAP)
			.get();
		assertThat(created.get("errors")).asList().isEmpty();
		return (String) map(created.get("rule")).get("id");
	}

	private static Map<String, Object> fastCpu(String name) {
		return Map.of("type", "CPU_HIGH", "name", name, "severity", "CRITICAL", "threshold", 50, "forSeconds", 0,
				"clearSeconds", 0, "notifyOnResolve", true);
	}

	private int count(List<String> states) {
		return viewer().document(ALERTS)
			.variable("state", states)
			.variable("routerId", this.network.routerId())
			.execute()
			.path("alerts.totalCount")
			.entity(Integer.class)
			.get();
	}

	private void sweepAt(int minute) {
		TenantContext.callAs(this.tenant, () -> this.healthCheck.check(UUID.fromString(this.network.routerId())));
		this.sweeper.sweep(this.tenant, this.start.plus(Duration.ofMinutes(minute)));
	}

	private HttpGraphQlTester viewer() {
		return as(TestTokens.forTenant(this.tenant.slug(), "VIEWER"));
	}

	private HttpGraphQlTester operator() {
		return as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR"));
	}

	private HttpGraphQlTester admin() {
		return as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN"));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> nodes(Map<String, Object> page) {
		return ((List<Map<String, Object>>) page.get("edges")).stream().map((edge) -> map(edge.get("node"))).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static final Class<Map<String, Object>> MAP = (Class<Map<String, Object>>) (Class<?>) Map.class;

}
