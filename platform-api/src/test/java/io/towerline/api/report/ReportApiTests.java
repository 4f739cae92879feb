package io.towerline.api.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.report.Reports;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.usage.Counters;
import io.towerline.core.usage.UsageDelta;
import io.towerline.core.usage.UsageRecorder;
import io.towerline.core.usage.UsageScope;
import io.towerline.core.usage.UsageTotals;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.towerline.api.report.ReportAnswers.MAP;
import static io.towerline.api.report.ReportAnswers.REPORT;
import static io.towerline.api.report.ReportAnswers.REQUEST;
import static io.towerline.api.report.ReportAnswers.assertRefused;
import static io.towerline.api.report.ReportAnswers.assertUsageTotals;
import static io.towerline.api.report.ReportAnswers.chart;
import static io.towerline.api.report.ReportAnswers.chartLabels;
import static io.towerline.api.report.ReportAnswers.files;
import static io.towerline.api.report.ReportAnswers.path;
import static io.towerline.api.report.ReportAnswers.totals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reports through the API: every usage report adds up to exactly the usage recorded
 * through the usage feature's public API (and to the usage feature's own tenant total),
 * in GraphQL, in the CSV and in the PDF's text; events come from the timeline; bad
 * periods are coded payload errors; expired reports are purged with their files.
 */
class ReportApiTests extends ApiTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UsageRecorder recorder;

	@Autowired
	UsageTotals usageTotals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reports reports;

	TenantId tenant;

	NetworkFixture network;

	Instant now = Instant.now();

	@BeforeEach
	void network() {
		this.tenant = newTenant("report-api");
		this.network = NetworkFixture.create(operator(), "edge-1");
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldAddUpEveryUsageReportToTheRecordedUsage() throws IOException {
		String alice = this.network.createSubscriber("alice", "secret-1")[0];
		String bob = this.network.createSubscriber("bob", "secret-2")[0];
		UUID router = UUID.fromString(this.network.routerId());
		UUID plan = UUID.fromString(this.network.planId());
		record(this.now.minus(2, ChronoUnit.HOURS),
				new UsageDelta(router, "alice", UUID.fromString(alice), plan, new Counters(1000, 5000, 10, 20)),
				new UsageDelta(router, "bob", UUID.fromString(bob), plan, new Counters(300, 7_000_000_000L, 3, 70)),
				new UsageDelta(router, "guest", null, null, new Counters(11, 22, 1, 2)));
		record(this.now.minus(30, ChronoUnit.MINUTES),
				new UsageDelta(router, "alice", UUID.fromString(alice), plan, new Counters(1, 2, 1, 1)));
		// before the period: must not count
		record(this.now.minus(3, ChronoUnit.DAYS),
				new UsageDelta(router, "alice", UUID.fromString(alice), plan, new Counters(999, 999, 9, 9)));
		Instant from = this.now.minus(1, ChronoUnit.DAYS);
		Instant to = this.now.plus(1, ChronoUnit.HOURS);
		long download = 5000 + 7_000_000_000L + 22 + 2;
		long upload = 1000 + 300 + 11 + 1;
		Counters tenantTotal = TenantContext.callAs(this.tenant,
				() -> this.usageTotals.total(UsageScope.tenant(), from, to));
		assertThat(tenantTotal.txBytes()).isEqualTo(download);
		assertThat(tenantTotal.rxBytes()).isEqualTo(upload);

		Map<String, Object> bySubscriber = generate("USAGE_BY_SUBSCRIBER", from, to, null);
		assertUsageTotals(bySubscriber, 3, download, upload);
		List<String> csv = csv(bySubscriber);
		assertThat(csv).containsExactly("subscriber_id,username,download_bytes,upload_bytes,total_bytes",
				alice + ",alice,5002,1001,6003", bob + ",bob,7000000000,300,7000000300", ",guest,22,11,33");
		String pdf = pdf(bySubscriber);
		assertThat(pdf).contains("Usage by subscriber")
			.contains("alice 5,002 1,001 6,003")
			.contains("Download bytes " + String.format("%,d", download))
			.contains("Upload bytes " + String.format("%,d", upload))
			.contains("Total bytes " + String.format("%,d", download + upload))
			.contains("Page 1 of 1");
		assertThat(chartLabels(bySubscriber)).containsExactly("bob", "alice", "guest");

		Map<String, Object> byPlan = generate("USAGE_BY_PLAN", from, to, null);
		assertUsageTotals(byPlan, 2, download, upload);
		assertThat(csv(byPlan)).contains(plan + ",Home 20,7000005002,1301,7000006303", ",(no plan),22,11,33");
		Map<String, Object> byRouter = generate("USAGE_BY_ROUTER", from, to, null);
		assertUsageTotals(byRouter, 1, download, upload);
		assertThat(csv(byRouter)).contains(router + ",edge-1," + download + "," + upload + "," + (download + upload));
		Map<String, Object> byPop = generate("USAGE_BY_POP", from, to, null);
		assertUsageTotals(byPop, 1, download, upload);
		assertThat(csv(byPop)).contains(",(no POP)," + download + "," + upload + "," + (download + upload));

		Map<String, Object> top = generate("TOP_USERS", from, to, 2);
		assertUsageTotals(top, 2, 7_000_000_000L + 5002, 300 + 1001);
		assertThat(csv(top)).containsExactly("rank,subscriber_id,username,download_bytes,upload_bytes,total_bytes",
				"1," + bob + ",bob,7000000000,300,7000000300", "2," + alice + ",alice,5002,1001,6003");
	}

	@Test
	void shouldListSuspensionsRestoresAndPlanChangesFromTheTimeline() throws IOException {
		String alice = this.network.createSubscriber("alice", "secret-1")[0];
		String bob = this.network.createSubscriber("bob", "secret-2")[0];
		String gold = operator().documentName("createPlan")
			.variable("input",
					Map.of("name", "Gold", "profileName", "gold", "downloadRate", "100M", "uploadRate", "20M"))
			.execute()
			.path("createPlan.plan.id")
			.entity(String.class)
			.get();
		subscriberMutation("suspendSubscriber(input: { id: $id })", alice);
		subscriberMutation("enableSubscriber(input: { id: $id })", alice);
		operator()
			.document("mutation($id: ID!, $plan: ID!) { changeSubscriberPlan(input: { id: $id, planId: $plan }) "
					+ "{ errors { code } } }")
			.variable("id", bob)
			.variable("plan", gold)
			.execute()
			.path("changeSubscriberPlan.errors")
			.entityList(Object.class)
			.hasSize(0);
		Instant from = this.now.minus(1, ChronoUnit.HOURS);
		Instant to = Instant.now().plus(1, ChronoUnit.MINUTES);

		Map<String, Object> suspensions = generate("SUSPENSIONS_AND_RESTORES", from, to, null);
		assertThat(totals(suspensions)).containsEntry("Rows", 2.0)
			.containsEntry("Suspended", 1.0)
			.containsEntry("Restored", 1.0);
		List<String> rows = csv(suspensions);
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1)).contains("," + alice + ",alice,Suspended,")
			.endsWith(",user:user-of-" + this.tenant.slug());
		assertThat(rows.get(2)).contains("," + alice + ",alice,Restored,");
		assertThat(pdf(suspensions)).contains("Suspensions and restores")
			.contains("Suspended 1")
			.contains("Restored 1");

		Map<String, Object> planChanges = generate("PLAN_CHANGES", from, to, null);
		assertThat(totals(planChanges)).containsEntry("Rows", 1.0).containsEntry("Plan changed", 1.0);
		assertThat(csv(planChanges).get(1)).contains("," + bob + ",bob,Plan changed,Plan changed to Gold,");
		assertThat(chart(planChanges)).hasSize(1);
	}

	@Test
	void shouldRefuseBadPeriodsAndLimitsWithCodes() {
		assertRefused(request("USAGE_BY_ROUTER", this.now, this.now, null), "to", "REPORT_PERIOD_INVALID");
		assertRefused(request("USAGE_BY_ROUTER", this.now, this.now.minusSeconds(60), null), "to",
				"REPORT_PERIOD_INVALID");
		assertRefused(
				request("USAGE_BY_ROUTER", this.now.plus(1, ChronoUnit.DAYS), this.now.plus(2, ChronoUnit.DAYS), null),
				"from", "REPORT_PERIOD_INVALID");
		assertRefused(request("USAGE_BY_ROUTER", this.now.minus(367, ChronoUnit.DAYS), this.now, null), "to",
				"REPORT_PERIOD_TOO_LONG");
		assertRefused(request("USAGE_BY_ROUTER", this.now.minus(1, ChronoUnit.DAYS), this.now, 10), "limit",
				"VALIDATION_FAILED");
		assertRefused(request("TOP_USERS", this.now.minus(1, ChronoUnit.DAYS), this.now, 0), "limit",
				"VALIDATION_FAILED");
		assertThat(operator().document("{ reports { id } }").execute().path("reports").entityList(Object.class).get())
			.isEmpty();
	}

	@Test
	void shouldRefuseUnfinishedDownloadsAndRequestsBeyondTheActiveLimit() throws Exception {
		// reports whose jobs are still at work (rows written directly: no job picks them
		// up)
		List<String> running = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
				UUID.randomUUID().toString());
		for (String id : running) {
			this.jdbc.sql("INSERT INTO " + this.tenant.schemaName()
					+ ".report (id, kind, period_from, period_to, status,"
					+ " rows_done, requested_by, requested_at, expires_at) VALUES (?::uuid, 'USAGE_BY_ROUTER', now() - "
					+ "interval '1 day', now(), 'RUNNING', 0, 'user:test', now(), now() + interval '1 day')")
				.param(id)
				.update();
		}
		MvcTestResult early = download("/report-files/" + running.get(0) + "/pdf", token("VIEWER"));
		assertThat(early).hasStatus(409);
		assertThat(early.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"REPORT_NOT_READY\"");
		assertThat(files(report(running.get(0)))).isEmpty();
		assertRefused(request("USAGE_BY_ROUTER", this.now.minus(1, ChronoUnit.DAYS), this.now, null), "null",
				"REPORTS_BUSY");
		this.jdbc.sql("UPDATE " + this.tenant.schemaName() + ".report SET status = 'FAILED' WHERE id = ?::uuid")
			.param(running.get(0))
			.update();
		assertThat(download("/report-files/" + running.get(0) + "/csv", token("VIEWER"))).hasStatus(409);
		assertThat(
				(List<?>) request("USAGE_BY_ROUTER", this.now.minus(1, ChronoUnit.DAYS), this.now, null).get("errors"))
			.isEmpty();
	}

	@Test
	void shouldPurgeReportsPastTheirRetentionWithTheirFiles() {
		Map<String, Object> report = generate("USAGE_BY_ROUTER", this.now.minus(1, ChronoUnit.DAYS), this.now, null);
		String id = (String) report.get("id");
		String schema = this.tenant.schemaName();
		assertThat(chunks(schema, id)).isPositive();
		this.jdbc.sql("UPDATE " + schema + ".report SET expires_at = now() - interval '1 second' WHERE id = ?::uuid")
			.param(id)
			.update();
		TenantContext.callAs(this.tenant, () -> this.reports.purgeExpired());
		operator().document(REPORT)
			.variable("id", id)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
		assertThat(chunks(schema, id)).isZero();
		assertThat(download("/report-files/" + id + "/csv", token("OPERATOR"))).hasStatus(404);
	}

	private long chunks(String schema, String id) {
		return this.jdbc.sql("SELECT count(*) FROM " + schema + ".report_file_chunk WHERE report_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single();
	}

	private void record(Instant at, UsageDelta... deltas) {
		TenantContext.callAs(this.tenant, () -> this.recorder.record(at, List.of(deltas)));
	}

	private void subscriberMutation(String call, String id) {
		String field = call.substring(0, call.indexOf('('));
		operator().document("mutation($id: ID!) { " + call + " { errors { code } } }")
			.variable("id", id)
			.execute()
			.path(field + ".errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	Map<String, Object> generate(String kind, Instant from, Instant to, Integer limit) {
		Map<String, Object> requested = request(kind, from, to, limit);
		assertThat((List<?>) requested.get("errors")).isEmpty();
		String id = (String) ((Map<?, ?>) requested.get("report")).get("id");
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			String status = (String) report(id).get("status");
			assertThat(status).isNotEqualTo("FAILED");
			return "SUCCEEDED".equals(status);
		});
		return report(id);
	}

	Map<String, Object> request(String kind, Instant from, Instant to, Integer limit) {
		Map<String, Object> input = new HashMap<>(Map.of("kind", kind, "from", from.toString(), "to", to.toString()));
		if (limit != null) {
			input.put("limit", limit);
		}
		return operator().document(REQUEST).variable("input", input).execute().path("requestReport").entity(MAP).get();
	}

	Map<String, Object> report(String id) {
		return operator().document(REPORT).variable("id", id).execute().path("report").entity(MAP).get();
	}

	List<String> csv(Map<String, Object> report) {
		MvcTestResult result = download(path(report, "CSV"), token("VIEWER"));
		assertThat(result).hasStatusOk().hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		assertThat(result.getResponse().getContentType()).startsWith("text/csv");
		String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		return body.lines().toList();
	}

	String pdf(Map<String, Object> report) throws IOException {
		MvcTestResult result = download(path(report, "PDF"), token("VIEWER"));
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains(".pdf");
		try (PDDocument document = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	MvcTestResult download(String path, String token) {
		return this.mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	String token(String role) {
		return TestTokens.forTenant(this.tenant.slug(), role);
	}

	HttpGraphQlTester operator() {
		return as(token("OPERATOR"));
	}

}
