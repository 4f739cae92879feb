package io.towerline.api.security;

import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets in: only verified tokens of trusted issuers, for known and active tenants,
 * within their roles.
 */
class AuthenticationTests extends ApiTest {

	private static final String ME = "{\"query\":\"{ me { subject tenant roles } }\"}";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TenantCatalog catalog;

	@Test
	void shouldRejectMissingToken() {
		assertThat(post(null)).hasStatus(401)
			.bodyJson()
			.extractingPath("errors[0].extensions.code")
			.isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void shouldRejectTokenSignedByAnotherKey() {
		TenantId tenant = newTenant("auth");
		assertThat(post(TestTokens.signedByStranger(tenant.slug(), "TENANT_ADMIN"))).hasStatus(401);
	}

	@Test
	void shouldRejectUnsignedToken() {
		TenantId tenant = newTenant("auth");
		assertThat(post(TestTokens.unsigned(tenant.slug(), "TENANT_ADMIN"))).hasStatus(401);
	}

	@Test
	void shouldRejectExpiredToken() {
		TenantId tenant = newTenant("auth");
		assertThat(post(TestTokens.expired(tenant.slug(), "TENANT_ADMIN"))).hasStatus(401);
	}

	@Test
	void shouldRejectTokenOfUntrustedIssuer() {
		TenantId tenant = newTenant("auth");
		assertThat(post(TestTokens.fromIssuer("https://evil.example", tenant.slug(), "TENANT_ADMIN"))).hasStatus(401);
	}

	@Test
	void shouldRejectTokenWithoutTenantClaim() {
		assertThat(post(TestTokens.withoutTenant("TENANT_ADMIN"))).hasStatus(401);
	}

	@Test
	void shouldRejectTokenWhoseTenantClaimIsNotASlug() {
		assertThat(post(TestTokens.forTenant("Acme; drop schema public", "TENANT_ADMIN"))).hasStatus(401);
	}

	@Test
	void shouldRejectUnknownTenantWithStableCode() {
		assertThat(post(TestTokens.forTenant("no-such-isp", "TENANT_ADMIN"))).hasStatus(403)
			.bodyJson()
			.extractingPath("errors[0].extensions.code")
			.isEqualTo("TENANT_UNKNOWN");
	}

	@Test
	void shouldRejectSuspendedTenantWithStableCode() {
		TenantId tenant = newTenant("auth");
		String token = TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN");
		assertThat(post(token)).hasStatus(200);
		this.catalog.suspend(tenant, "unpaid");
		assertThat(post(token)).hasStatus(403)
			.bodyJson()
			.extractingPath("errors[0].extensions.code")
			.isEqualTo("TENANT_SUSPENDED");
		this.catalog.reactivate(tenant);
		assertThat(post(token)).hasStatus(200);
	}

	@Test
	void shouldAnswerMeWithTenantAndRoles() {
		TenantId tenant = newTenant("auth");
		assertThat(post(TestTokens.forTenant(tenant.slug(), "OPERATOR", "VIEWER", "PLATFORM_ADMIN"))).hasStatus(200)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("data.me.tenant").isEqualTo(tenant.slug());
				assertThat(json).extractingPath("data.me.subject").isEqualTo("user-of-" + tenant.slug());
				// PLATFORM_ADMIN is never honoured inside a tenant realm
				assertThat(json).extractingPath("data.me.roles").asArray().containsExactly("OPERATOR", "VIEWER");
			});
	}

	@Test
	void shouldForbidViewerToMutate() {
		TenantId tenant = newTenant("auth");
		as(TestTokens.forTenant(tenant.slug(), "VIEWER")).documentName("createPop")
			.variable("input", Map.of("name", "Nope", "address", "Nowhere"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		as(TestTokens.forTenant(tenant.slug(), "VIEWER")).documentName("pops")
			.variable("first", 10)
			.execute()
			.path("pops.edges")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void shouldForbidNonAdminsPlatformOperations() {
		TenantId tenant = newTenant("auth");
		for (String role : new String[] { "TENANT_ADMIN", "OPERATOR", "VIEWER" }) {
			as(TestTokens.forTenant(tenant.slug(), role)).documentName("tenants")
				.variable("first", 10)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
			as(TestTokens.forTenant(tenant.slug(), role)).documentName("suspendTenant")
				.variable("slug", tenant.slug())
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		}
		assertThat(this.catalog.get(tenant).status()).hasToString("ACTIVE");
	}

	@Test
	void shouldKeepPlatformAdminOutOfTenantData() {
		// the platform realm carries no tenant roles, so tenant operations are forbidden
		// outright
		as(TestTokens.platformAdmin()).documentName("pops")
			.variable("first", 10)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	private MvcTestResult post(String token) {
		var request = this.mvc.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).content(ME);
		if (token != null) {
			request = request.header("Authorization", "Bearer " + token);
		}
		return request.exchange();
	}

}
