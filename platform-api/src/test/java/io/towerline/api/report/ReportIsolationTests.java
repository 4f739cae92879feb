package io.towerline.api.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.usage.Counters;
import io.towerline.core.usage.UsageDelta;
import io.towerline.core.usage.UsageRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Tenant B acting on tenant A's report, through every way in: the report query, the list,
 * the progress subscription and the file download are NOT_FOUND (404) exactly like a
 * report that does not exist, and B's own report never counts A's usage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportIsolationTests extends ApiTest {

	static final String PROGRESS = "subscription($id: ID!) { reportProgress(id: $id) { id status rowsDone rowsTotal } }";

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UsageRecorder recorder;

	TenantId tenantA;

	TenantId tenantB;

	@BeforeEach
	void tenants() {
		this.tenantA = newTenant("report-iso-a");
		this.tenantB = newTenant("report-iso-b");
	}

	@Test
	void shouldKeepEachTenantsReportsToThatTenant() {
		TenantContext.callAs(this.tenantA, () -> this.recorder.record(Instant.now().minus(1, ChronoUnit.HOURS),
				List.of(new UsageDelta(UUID.randomUUID(), "alice-a", null, null, new Counters(5, 7, 1, 1)))));
		String reportOfA = generate(this.tenantA);

		ReportAnswers.assertNotFound(as(token(this.tenantB)).document(ReportAnswers.REPORT).variable("id", reportOfA));
		assertThat(as(token(this.tenantB)).document("{ reports { id } }")
			.execute()
			.path("reports[*].id")
			.entityList(String.class)
			.get()).doesNotContain(reportOfA);
		assertThat(as(token(this.tenantA)).document("{ reports { id } }")
			.execute()
			.path("reports[*].id")
			.entityList(String.class)
			.get()).containsExactly(reportOfA);
		for (String format : List.of("csv", "pdf")) {
			assertThat(this.mvc.get()
				.uri("/report-files/" + reportOfA + "/" + format)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(this.tenantB))
				.exchange()).hasStatus(404);
			assertThat(this.mvc.get()
				.uri("/report-files/" + reportOfA + "/" + format)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(this.tenantA))
				.exchange()).hasStatusOk();
			assertThat(this.mvc.get().uri("/report-files/" + reportOfA + "/" + format).exchange()).hasStatus(401);
		}

		// B's own report over the same period has none of A's usage
		String reportOfB = generate(this.tenantB);
		Map<String, Object> ofB = as(token(this.tenantB)).document(ReportAnswers.REPORT)
			.variable("id", reportOfB)
			.execute()
			.path("report")
			.entity(ReportAnswers.MAP)
			.get();
		assertThat(ReportAnswers.totals(ofB)).containsEntry("Rows", 0.0).containsEntry("Total bytes", 0.0);
	}

	@Test
	void shouldStreamProgressOnlyToTheReportsTenant() {
		String reportOfA = request(this.tenantA);
		List<Map> seen = socket(this.tenantA).document(PROGRESS)
			.variable("id", reportOfA)
			.executeSubscription()
			.toFlux("reportProgress", Map.class)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(seen).isNotEmpty();
		assertThat(seen.get(seen.size() - 1)).containsEntry("status", "SUCCEEDED")
			.containsEntry("rowsDone", 0.0)
			.containsEntry("rowsTotal", 0.0);

		assertThatException()
			.isThrownBy(() -> socket(this.tenantB).document(PROGRESS)
				.variable("id", reportOfA)
				.executeSubscription()
				.toFlux("reportProgress.status", String.class)
				.blockFirst(Duration.ofSeconds(30)))
			.withMessageContaining("NOT_FOUND");
	}

	private String generate(TenantId tenant) {
		String id = request(tenant);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "SUCCEEDED".equals(as(token(tenant)).document(ReportAnswers.REPORT)
				.variable("id", id)
				.execute()
				.path("report.status")
				.entity(String.class)
				.get()));
		return id;
	}

	private String request(TenantId tenant) {
		Instant now = Instant.now();
		return as(token(tenant)).document(ReportAnswers.REQUEST)
			.variable("input",
					Map.of("kind", "USAGE_BY_SUBSCRIBER", "from", now.minus(1, ChronoUnit.DAYS).toString(), "to",
							now.toString()))
			.execute()
			.path("requestReport.report.id")
			.entity(String.class)
			.get();
	}

	/** Over the real port on a loaded machine: more than the tester's default 5 s. */
	@Override
	protected HttpGraphQlTester as(String token) {
		return super.as(token).mutate()
			.webTestClient((client) -> client.responseTimeout(Duration.ofSeconds(60)))
			.build();
	}

	private static String token(TenantId tenant) {
		return TestTokens.forTenant(tenant.slug(), "VIEWER");
	}

	private WebSocketGraphQlTester socket(TenantId tenant) {
		String token = token(tenant);
		return GraphQlSockets.as(this.port, token);
	}

}
