package io.towerline.api.subscriber;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV export is charged to its tenant's rate limit like reading the same rows: on the
 * STARTER tier (a bucket of 10,000 points, 100 a second back) an export of more rows than
 * that takes the whole bucket, so the next one is refused with 429, Retry-After and
 * RATE_LIMITED before any row is written (it would fit again only after ~100 s); another
 * tenant's export is untouched.
 */
class SubscriberExportThrottleTests extends ApiTest {

	private static final int ROWS = 12_000;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldChargeTheExportToItsTenantsBucket() {
		TenantId tenant = starterTenantWith(ROWS);
		TenantId other = starterTenantWith(10);

		MvcTestResult first = export(tenant);
		assertThat(first).hasStatusOk();
		assertThat(body(first).split("\r\n")).hasSize(1 + ROWS);

		MvcTestResult second = export(tenant);
		assertThat(second).hasStatus(429);
		assertThat(Long.parseLong(second.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isPositive();
		assertThat(body(second)).contains("\"code\":\"RATE_LIMITED\"").doesNotContain("username,");

		MvcTestResult others = export(other);
		assertThat(others).hasStatusOk();
		assertThat(body(others).split("\r\n")).hasSize(1 + 10);
	}

	/**
	 * A STARTER tenant with {@code rows} subscribers written straight into its tables (no
	 * API calls, so its bucket is full).
	 */
	private TenantId starterTenantWith(int rows) {
		String slug = TestDatabase.uniqueSlug("export-limit");
		this.onboarding.onboard(slug, "Tenant " + slug, RateLimitTier.STARTER);
		TenantId tenant = TenantId.of(slug);
		String schema = tenant.schemaName();
		UUID plan = UUID.randomUUID();
		UUID router = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO " + schema + ".plan (id, name, profile_name, rate_limit, created_at, updated_at)"
					+ " VALUES (?, 'Home', 'home', '10M/10M', now(), now())")
			.params(plan)
			.update();
		this.jdbc
			.sql("INSERT INTO " + schema + ".router (id, name, host, port, api_ssl, username, credential_ref, status,"
					+ " created_at, updated_at) VALUES (?, 'edge', '127.0.0.1', 9, false, 'api', 'none', 'UNREACHABLE',"
					+ " now(), now())")
			.params(router)
			.update();
		this.jdbc.sql("INSERT INTO " + schema + ".subscriber (id, username, credential_ref, plan_id, router_id, status,"
				+ " created_at, updated_at) SELECT gen_random_uuid(), 'user-' || lpad(n::text, 5, '0'), 'none', ?, ?,"
				+ " 'ACTIVE', now(), now() FROM generate_series(1, ?) n")
			.params(plan, router, rows)
			.update();
		return tenant;
	}

	private MvcTestResult export(TenantId tenant) {
		return this.mvc.get()
			.uri(SubscriberExportController.PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forTenant(tenant.slug(), "VIEWER"))
			.exchange();
	}

	private static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
