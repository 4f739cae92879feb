package io.towerline.api.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class TenantConsoleTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldOnboardListSuspendAndReactivate() {
		String slug = TestDatabase.uniqueSlug("console");
		admin().documentName("createTenant")
			.variable("input", Map.of("slug", slug, "displayName", "Console ISP", "rateLimitTier", "ENTERPRISE"))
			.execute()
			.path("createTenant.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("createTenant.tenant.status")
			.entity(String.class)
			.isEqualTo("ACTIVE")
			.path("createTenant.tenant.rateLimitTier")
			.entity(String.class)
			.isEqualTo("ENTERPRISE");

		admin().documentName("suspendTenant")
			.variable("slug", slug)
			.variable("reason", "unpaid since March")
			.execute()
			.path("suspendTenant.tenant.status")
			.entity(String.class)
			.isEqualTo("SUSPENDED")
			.path("suspendTenant.tenant.statusReason")
			.entity(String.class)
			.isEqualTo("unpaid since March");

		admin().documentName("reactivateTenant")
			.variable("slug", slug)
			.execute()
			.path("reactivateTenant.tenant.status")
			.entity(String.class)
			.isEqualTo("ACTIVE");

		assertThat(listAllSlugs()).contains(slug);
	}

	@Test
	void shouldReportDuplicateSlug() {
		String slug = TestDatabase.uniqueSlug("dupe");
		admin().documentName("createTenant").variable("input", Map.of("slug", slug, "displayName", "One")).execute();
		admin().documentName("createTenant")
			.variable("input", Map.of("slug", slug, "displayName", "Two"))
			.execute()
			.path("createTenant.errors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Acme", "ab", "public", "acme; drop schema public", "../x",
			"a2345678901234567890123456789012345678901" })
	void shouldRejectInvalidSlugAndCreateNoSchema(String slug) {
		int schemas = this.jdbc.sql("SELECT count(*) FROM pg_namespace").query(Integer.class).single();
		admin().documentName("createTenant")
			.variable("input", Map.of("slug", slug, "displayName", "Bad"))
			.execute()
			.path("createTenant.tenant")
			.valueIsNull()
			.path("createTenant.errors[0].field")
			.entity(String.class)
			.isEqualTo("slug")
			.path("createTenant.errors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID_TENANT_SLUG");
		assertThat(this.jdbc.sql("SELECT count(*) FROM pg_namespace").query(Integer.class).single()).isEqualTo(schemas);
	}

	@Test
	void shouldReportUnknownTenantOnSuspend() {
		admin().documentName("suspendTenant")
			.variable("slug", "no-such-tenant")
			.execute()
			.path("suspendTenant.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
	}

	private List<String> listAllSlugs() {
		List<String> slugs = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			var page = admin().documentName("tenants").variable("first", 100).variable("after", after).execute();
			slugs.addAll(page.path("tenants.edges[*].node.slug").entityList(String.class).get());
			more = page.path("tenants.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("tenants.pageInfo.endCursor").entity(String.class).get();
		}
		return slugs;
	}

	private HttpGraphQlTester admin() {
		return as(TestTokens.platformAdmin());
	}

}
