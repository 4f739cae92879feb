package io.towerline.api.identity;

import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform admin's console: a tenant created with its first admin (who can sign in),
 * its tier changed, its usage listed, and the changes in the security event log.
 */
class TenantConsoleTests extends ApiTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void shouldCreateATenantWithItsFirstAdminWhoCanSignIn() {
		String slug = TestDatabase.uniqueSlug("console");
		String username = "boss-" + slug;
		var response = as(TestTokens.platformAdmin()).document(
				"mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { slug } admin { username roles tenant } adminPassword errors { field code } } }")
			.variable("input",
					Map.of("slug", slug, "displayName", "Console ISP", "admin",
							Map.of("username", username, "email", "boss@example.com")))
			.execute();
		response.path("createTenant.admin.roles").entityList(String.class).containsExactly("TENANT_ADMIN");
		response.path("createTenant.admin.tenant").entity(String.class).isEqualTo(slug);
		String password = response.path("createTenant.adminPassword").entity(String.class).get();

		String token = new OAuthFlows(this.mvc).signIn(username, password);
		as(token)
			.document("mutation { createApiClient(input: {name: \"Billing\", roles: [VIEWER]}) { errors { code } } }")
			.execute()
			.path("createApiClient.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void shouldRefuseATakenAdminNameBeforeCreatingTheTenant() {
		String first = TestDatabase.uniqueSlug("console");
		String second = TestDatabase.uniqueSlug("console");
		String username = "dup-" + first;
		createTenantWithAdmin(first, username);
		as(TestTokens.platformAdmin()).document(
				"mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { slug } errors { field code } } }")
			.variable("input",
					Map.of("slug", second, "displayName", "Second", "admin",
							Map.of("username", username, "email", "x@example.com")))
			.execute()
			.path("createTenant.errors[0].field")
			.entity(String.class)
			.isEqualTo("admin.username")
			.path("createTenant.tenant")
			.valueIsNull();
		as(TestTokens.platformAdmin())
			.document("query($s: String) { tenants(first: 100, search: $s) { edges { node { slug } } } }")
			.variable("s", second)
			.execute()
			.path("tenants.edges[*].node.slug")
			.entityList(String.class)
			.doesNotContain(second);
	}

	@Test
	void shouldFindTenantsBySlugOrDisplayNameIgnoringCase() {
		String slug = TestDatabase.uniqueSlug("findme");
		as(TestTokens.platformAdmin()).document(
				"mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { slug } errors { code } } }")
			.variable("input", Map.of("slug", slug, "displayName", "Zebra Fibre " + slug))
			.execute()
			.path("createTenant.errors")
			.entityList(Object.class)
			.hasSize(0);
		String query = "query($s: String) { tenants(first: 100, search: $s) { edges { node { slug } } } }";
		as(TestTokens.platformAdmin()).document(query)
			.variable("s", slug.toUpperCase())
			.execute()
			.path("tenants.edges[*].node.slug")
			.entityList(String.class)
			.containsExactly(slug);
		as(TestTokens.platformAdmin()).document(query)
			.variable("s", "zebra fibre " + slug)
			.execute()
			.path("tenants.edges[*].node.slug")
			.entityList(String.class)
			.containsExactly(slug);
		as(TestTokens.platformAdmin()).document(query)
			.variable("s", slug + "-absent")
			.execute()
			.path("tenants.edges")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void shouldChangeTheTierListUsageAndAuditIt() {
		TenantId tenant = newTenant("console");
		as(TestTokens.forTenant(tenant.slug(), "VIEWER")).document("{ me { subject } }").execute();
		as(TestTokens.platformAdmin()).document(
				"mutation($slug: String!) { changeTenantRateLimitTier(input: {slug: $slug, rateLimitTier: ENTERPRISE}) { tenant { rateLimitTier } errors { code } } }")
			.variable("slug", tenant.slug())
			.execute()
			.path("changeTenantRateLimitTier.tenant.rateLimitTier")
			.entity(String.class)
			.isEqualTo("ENTERPRISE");
		as(TestTokens.platformAdmin()).document(
				"query($s: String) { tenants(first: 100, search: $s) { edges { node { slug usage { users apiClients requests } } } } }")
			.variable("s", tenant.slug())
			.execute()
			.path("tenants.edges[?(@.node.slug == '" + tenant.slug() + "')].node.usage.users")
			.entityList(Integer.class)
			.containsExactly(0);
		as(TestTokens.platformAdmin()).document(
				"query($t: String) { securityEvents(first: 10, tenant: $t) { edges { node { type actor subject detail } } } }")
			.variable("t", tenant.slug())
			.execute()
			.path("securityEvents.edges[0].node.type")
			.entity(String.class)
			.isEqualTo("TENANT_TIER_CHANGED")
			.path("securityEvents.edges[0].node.detail")
			.entity(String.class)
			.isEqualTo("tier ENTERPRISE");
		assertThat(tenant.slug()).isNotBlank();
	}

	private void createTenantWithAdmin(String slug, String username) {
		as(TestTokens.platformAdmin())
			.document("mutation($input: CreateTenantInput!) { createTenant(input: $input) { errors { code } } }")
			.variable("input",
					Map.of("slug", slug, "displayName", "First", "admin",
							Map.of("username", username, "email", "f@example.com")))
			.execute()
			.path("createTenant.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

}
