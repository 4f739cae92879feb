package io.towerline.api.subscriber;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV export of the subscriber list: every matching row (several cursor batches, far
 * past a page), in the list's order and filter, cells escaped and formula-safe, with the
 * bearer token of a tenant role, never another tenant's rows.
 */
class SubscriberExportTests extends ApiTest {

	private static final int MANY = 2_345;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	NetworkFixture network;

	TenantId tenant;

	@BeforeEach
	void subscribers() {
		this.tenant = newTenant("export");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN")), "edge-x");
		// written straight into the table: thousands of rows without thousands of router
		// operations
		this.jdbc.sql(("INSERT INTO %s.subscriber (id, username, credential_ref, plan_id, router_id, status,"
				+ " full_name, phone, created_at, updated_at) SELECT gen_random_uuid(), 'user-' || lpad(n::text, 5, '0'),"
				+ " 'none', ?, ?, CASE WHEN n %% 5 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END, 'Name ' || n,"
				+ " '+41 79 ' || n, now(), now() FROM generate_series(1, ?) n")
			.formatted(this.tenant.schemaName()))
			.params(UUID.fromString(this.network.planId()), UUID.fromString(this.network.routerId()), MANY)
			.update();
		this.jdbc.sql(("INSERT INTO %s.subscriber (id, username, credential_ref, plan_id, router_id, status,"
				+ " full_name, email, created_at, updated_at) VALUES (gen_random_uuid(), 'aaa-tricky', 'none', ?, ?,"
				+ " 'DISABLED', 'Keller, \"Bruno\"', '=HYPERLINK(\"http://x\")', now(), now())")
			.formatted(this.tenant.schemaName()))
			.params(UUID.fromString(this.network.planId()), UUID.fromString(this.network.routerId()))
			.update();
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldExportEveryMatchingSubscriberInTheListsOrder() {
		MvcTestResult all = export(this.tenant, "VIEWER", "");
		assertThat(all).hasStatusOk();
		List<String> lines = lines(all);
		assertThat(lines).hasSize(1 + MANY + 1);
		assertThat(lines.get(0))
			.isEqualTo("username,fullName,email,phone,address,plan,router,status,expiresOn,createdAt");
		assertThat(lines.get(1))
			.startsWith("aaa-tricky,\"Keller, \"\"Bruno\"\"\",\"'=HYPERLINK(\"\"http://x\"\")\",,,");
		assertThat(lines.get(2)).startsWith("user-00001,Name 1,,+41 79 1,,Home 20,edge-x,ACTIVE,,");
		assertThat(lines.get(lines.size() - 1)).startsWith("user-0" + MANY + ",");
		assertThat(all.getResponse().getHeader("X-Total-Count")).isEqualTo(Integer.toString(MANY + 1));

		List<String> suspended = lines(export(this.tenant, "OPERATOR", "?status=SUSPENDED&descending=true"));
		assertThat(suspended).hasSize(1 + MANY / 5);
		assertThat(suspended.subList(1, suspended.size()))
			.allSatisfy((line) -> assertThat(line).contains(",SUSPENDED,"));
		assertThat(suspended.get(1)).startsWith("user-02345,");
		assertThat(lines(export(this.tenant, "VIEWER", "?text=tricky"))).hasSize(2);
	}

	@Test
	void shouldExportOnlyWithATenantRolesTokenAndOnlyTheirOwnRows() {
		assertThat(this.mvc.get().uri(SubscriberExportController.PATH).exchange()).hasStatus(401);
		assertThat(this.mvc.get()
			.uri(SubscriberExportController.PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.platformAdmin())
			.exchange()).hasStatus(403);
		TenantId other = newTenant("export-b");
		MvcTestResult foreign = export(other, "TENANT_ADMIN", "?routerId=" + this.network.routerId());
		assertThat(foreign).hasStatusOk();
		assertThat(lines(foreign)).hasSize(1);
		assertThat(lines(export(other, "TENANT_ADMIN", ""))).hasSize(1);
	}

	private MvcTestResult export(TenantId tenant, String role, String query) {
		return this.mvc.get()
			.uri(SubscriberExportController.PATH + query)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forTenant(tenant.slug(), role))
			.exchange();
	}

	private static List<String> lines(MvcTestResult result) {
		String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		return List.of(body.split("\r\n"));
	}

}
