package io.towerline.keycloak;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.towerline.api.support.ApiTest;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Towerline trusting a real Keycloak realm imported from {@code docs/keycloak}: an
 * integration's client-credentials token and a person's authorization-code-with-PKCE
 * sign-in reach tenant {@code acme-wireless} with their realm roles; a token of the realm
 * for another audience, a token of another realm with the same claims, and a token whose
 * payload was altered are refused.
 */
class KeycloakIssuerIT extends ApiTest {

	private static final String TENANT = "acme-wireless";

	private static final String ME = "{\"query\":\"{ me { subject tenant roles } }\"}";

	private static final String CREATE_POP = "{\"query\":\"mutation { createPop(input: {name: \\\"Ridge\\\", address: \\\"Ridge Road 1\\\"}) { pop { id } errors { code } } }\"}";

	private static final String REDIRECT = "http://127.0.0.1:8080/auth/callback";

	private static boolean onboarded;

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		registry.add("towerline.security.issuers[1].issuer-uri", () -> KeycloakServer.get().issuer("towerline"));
		registry.add("towerline.security.issuers[1].audience", () -> "towerline-api");
	}

	@BeforeEach
	void tenant() {
		if (!onboarded) {
			this.onboarding.onboard(TENANT, "Acme Wireless", RateLimitTier.STANDARD);
			onboarded = true;
		}
	}

	@Test
	void shouldLetAnIntegrationsClientCredentialsTokenIntoItsTenant() throws Exception {
		String token = tokens("towerline").clientCredentials("acme-billing", "acme-billing-secret");

		graphQl(token, ME).andExpect(status().isOk())
			.andExpect(jsonPath("$.errors").doesNotExist())
			.andExpect(jsonPath("$.data.me.tenant").value(TENANT))
			.andExpect(jsonPath("$.data.me.roles[0]").value("OPERATOR"));
		graphQl(token, CREATE_POP).andExpect(jsonPath("$.data.createPop.pop.id").isNotEmpty());
	}

	@Test
	void shouldLetAPersonSignedInWithPkceActWithTheirRealmRoles() throws Exception {
		String admin = tokens("towerline").signIn("towerline-web", REDIRECT, "alice", "alice-password");
		String viewer = tokens("towerline").signIn("towerline-web", REDIRECT, "victor", "victor-password");

		graphQl(admin, ME).andExpect(jsonPath("$.data.me.tenant").value(TENANT))
			.andExpect(jsonPath("$.data.me.roles[0]").value("TENANT_ADMIN"));
		graphQl(viewer, ME).andExpect(jsonPath("$.data.me.roles[0]").value("VIEWER"));
		graphQl(viewer, CREATE_POP).andExpect(jsonPath("$.errors[0].extensions.code").value("FORBIDDEN"));
	}

	@Test
	void shouldRefuseATokenOfTheRealmMeantForAnotherAudience() throws Exception {
		String token = tokens("towerline").clientCredentials("acme-no-audience", "no-audience-secret");

		graphQl(token, ME).andExpect(status().isUnauthorized());
	}

	@Test
	void shouldRefuseATokenOfAnotherRealmCarryingTheSameClaims() throws Exception {
		String token = tokens("intruder").clientCredentials("acme-billing", "acme-billing-secret");

		graphQl(token, ME).andExpect(status().isUnauthorized());
	}

	@Test
	void shouldRefuseATokenWhosePayloadWasAltered() throws Exception {
		String token = tokens("towerline").clientCredentials("acme-billing", "acme-billing-secret");
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("OPERATOR",
				"TENANT_ADMIN");
		String forged = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];

		graphQl(forged, ME).andExpect(status().isUnauthorized());
	}

	private ResultActions graphQl(String token, String body) throws Exception {
		return this.mvc.perform(post("/graphql").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private static KeycloakTokens tokens(String realm) {
		return new KeycloakTokens(KeycloakServer.get().issuer(realm));
	}

}
