package io.towerline.api.identity;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.actor.Actor;
import io.towerline.core.audit.SecurityEventLog;
import io.towerline.core.audit.SecurityEventType;
import io.towerline.core.identity.ApiClient;
import io.towerline.core.identity.ApiClientRegistry;
import io.towerline.core.identity.Issued;
import io.towerline.core.identity.UserAccount;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded authorization server end to end: the SPA's sign-in with PKCE, client
 * credentials, revocation within seconds, key rotation, and the sign-in audit.
 */
class AuthorizationServerTests extends ApiTest {

	private static final String ME = "{\"query\":\"{ me { subject tenant roles } }\"}";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiClientRegistry clients;

	@Autowired
	TenantCatalog catalog;

	@Autowired
	SecurityEventLog audit;

	@Test
	void shouldSignInWithCodeAndPkceAndCallTheApi() {
		TenantId tenant = newTenant("as");
		String username = "ops-" + tenant.slug();
		this.users.create(Actor.of("test"), tenant, username, "ops@example.com", Set.of("OPERATOR"),
				"correct horse battery");

		String token = new OAuthFlows(this.mvc).signIn(username, "correct horse battery");

		assertThat(me(token)).hasStatusOk().bodyJson().satisfies((json) -> {
			assertThat(json).extractingPath("data.me.subject").isEqualTo(username);
			assertThat(json).extractingPath("data.me.tenant").isEqualTo(tenant.slug());
			assertThat(json).extractingPath("data.me.roles").asArray().containsExactly("OPERATOR");
		});
	}

	@Test
	void shouldRefuseTheCodeWithoutTheRightVerifier() {
		MvcTestResult token = this.mvc.post()
			.uri("/oauth2/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "authorization_code")
			.param("code", "forged")
			.param("redirect_uri", OAuthFlows.REDIRECT_URI)
			.param("client_id", OAuthFlows.WEB_CLIENT)
			.param("code_verifier", "x".repeat(43))
			.exchange();
		assertThat(token).hasStatus4xxClientError();
	}

	@Test
	void shouldIssueClientCredentialsTokensWithTenantAndRoles() {
		TenantId tenant = newTenant("as");
		Issued<ApiClient> client = this.clients.create(Actor.of("test"), tenant, "Billing",
				Set.of("OPERATOR", "VIEWER"));

		String token = new OAuthFlows(this.mvc).clientToken(client.value().clientId(), client.secret());

		assertThat(me(token)).hasStatusOk().bodyJson().satisfies((json) -> {
			assertThat(json).extractingPath("data.me.subject").isEqualTo(client.value().clientId());
			assertThat(json).extractingPath("data.me.tenant").isEqualTo(tenant.slug());
			assertThat(json).extractingPath("data.me.roles").asArray().containsExactly("OPERATOR", "VIEWER");
		});
		assertThat(new OAuthFlows(this.mvc).clientTokenRequest(client.value().clientId(), "tlcs_wrong")).hasStatus(401);
	}

	@Test
	void shouldRejectTheUnexpiredTokenOfARevokedClient() {
		TenantId tenant = newTenant("as");
		Issued<ApiClient> client = this.clients.create(Actor.of("test"), tenant, "CRM", Set.of("VIEWER"));
		OAuthFlows flows = new OAuthFlows(this.mvc);
		String token = flows.clientToken(client.value().clientId(), client.secret());
		assertThat(me(token)).hasStatusOk();

		this.clients.revoke(Actor.of("test"), tenant, client.value().id());

		assertThat(me(token)).hasStatus(401);
		assertThat(flows.clientTokenRequest(client.value().clientId(), client.secret())).hasStatus(401);
	}

	@Test
	void shouldRejectTheOldSecretAndItsTokensAfterRotation() {
		TenantId tenant = newTenant("as");
		Issued<ApiClient> client = this.clients.create(Actor.of("test"), tenant, "CRM", Set.of("VIEWER"));
		OAuthFlows flows = new OAuthFlows(this.mvc);
		String token = flows.clientToken(client.value().clientId(), client.secret());

		Issued<ApiClient> rotated = this.clients.rotateSecret(Actor.of("test"), tenant, client.value().id());

		assertThat(me(token)).hasStatus(401);
		assertThat(flows.clientTokenRequest(client.value().clientId(), client.secret())).hasStatus(401);
		assertThat(me(flows.clientToken(client.value().clientId(), rotated.secret()))).hasStatusOk();
	}

	/**
	 * Issue times have whole seconds: a token minted in the second of a change must still
	 * fall. Tried until the token and the change land in one second (almost always the
	 * first time), so the test cannot pass by landing in different seconds.
	 */
	@Test
	void shouldRejectAClientTokenMintedInTheSameSecondAsASecretRotation() {
		TenantId tenant = newTenant("as");
		Issued<ApiClient> client = this.clients.create(Actor.of("test"), tenant, "CRM", Set.of("VIEWER"));
		OAuthFlows flows = new OAuthFlows(this.mvc);
		String secret = client.secret();
		for (int attempt = 0; attempt < 20; attempt++) {
			long second = Instant.now().getEpochSecond();
			String token = flows.clientToken(client.value().clientId(), secret);
			secret = this.clients.rotateSecret(Actor.of("test"), tenant, client.value().id()).secret();
			if (Instant.now().getEpochSecond() == second) {
				assertThat(me(token)).hasStatus(401);
				assertThat(me(flows.clientToken(client.value().clientId(), secret))).hasStatusOk();
				return;
			}
		}
		throw new AssertionError("token and rotation never fell in one second in 20 tries");
	}

	@Test
	void shouldRejectAUserTokenMintedInTheSameSecondAsARoleChange() {
		TenantId tenant = newTenant("as");
		String username = "mover-" + tenant.slug();
		UserAccount user = this.users
			.create(Actor.of("test"), tenant, username, "m@example.com", Set.of("TENANT_ADMIN"), "a long enough secret")
			.value();
		OAuthFlows flows = new OAuthFlows(this.mvc);
		for (int attempt = 0; attempt < 20; attempt++) {
			long second = Instant.now().getEpochSecond();
			String token = flows.signIn(username, "a long enough secret");
			this.users.changeRoles(Actor.of("test"), tenant, user.id(),
					Set.of((attempt % 2 == 0) ? "VIEWER" : "TENANT_ADMIN"));
			if (Instant.now().getEpochSecond() == second) {
				assertThat(me(token)).hasStatus(401);
				assertThat(me(flows.signIn(username, "a long enough secret"))).hasStatusOk();
				return;
			}
		}
		throw new AssertionError("token and role change never fell in one second in 20 tries");
	}

	@Test
	void shouldCarryTheAccessEpochInEveryToken() {
		TenantId tenant = newTenant("as");
		Issued<ApiClient> client = this.clients.create(Actor.of("test"), tenant, "CRM", Set.of("VIEWER"));
		String token = new OAuthFlows(this.mvc).clientToken(client.value().clientId(), client.secret());

		assertThat(me(token)).hasStatusOk();
		assertThat(claims(token)).containsKey("access_epoch");
	}

	@Test
	void shouldRejectTheUnexpiredTokenOfADisabledUser() {
		TenantId tenant = newTenant("as");
		String username = "leaver-" + tenant.slug();
		UserAccount user = this.users
			.create(Actor.of("test"), tenant, username, "l@example.com", Set.of("VIEWER"), "a long enough secret")
			.value();
		OAuthFlows flows = new OAuthFlows(this.mvc);
		String token = flows.signIn(username, "a long enough secret");
		assertThat(me(token)).hasStatusOk();

		this.users.disable(Actor.of("test"), tenant, user.id());

		assertThat(me(token)).hasStatus(401);
		assertThat(flows.attemptSignIn(username, "a long enough secret")).contains("/login?error");
	}

	@Test
	void shouldRejectTheTokenOfASuspendedTenant() {
		TenantId tenant = newTenant("as");
		Issued<ApiClient> client = this.clients.create(Actor.of("test"), tenant, "CRM", Set.of("VIEWER"));
		String token = new OAuthFlows(this.mvc).clientToken(client.value().clientId(), client.secret());
		assertThat(me(token)).hasStatusOk();

		this.catalog.suspend(tenant, "unpaid");

		assertThat(me(token)).hasStatus(403)
			.bodyJson()
			.extractingPath("errors[0].extensions.code")
			.isEqualTo("TENANT_SUSPENDED");
	}

	@Test
	void shouldKeepOldTokensValidAndPublishBothKeysAfterRotation() {
		TenantId tenant = newTenant("as");
		Issued<ApiClient> client = this.clients.create(Actor.of("test"), tenant, "CRM", Set.of("VIEWER"));
		OAuthFlows flows = new OAuthFlows(this.mvc);
		String before = flows.clientToken(client.value().clientId(), client.secret());

		String newKid = as(TestTokens.platformAdmin())
			.document("mutation { rotateSigningKey(input: {reason: \"test\"}) { keyId errors { code } } }")
			.execute()
			.path("rotateSigningKey.keyId")
			.entity(String.class)
			.get();

		String after = flows.clientToken(client.value().clientId(), client.secret());
		assertThat(header(after)).contains(newKid);
		assertThat(header(before)).doesNotContain(newKid);
		assertThat(me(before)).hasStatusOk();
		assertThat(me(after)).hasStatusOk();
		assertThat(this.mvc.get().uri("/oauth2/jwks")).hasStatusOk().bodyJson().satisfies((json) -> {
			assertThat(json).extractingPath("keys[*].kid").asArray().contains(newKid).hasSizeGreaterThanOrEqualTo(2);
			assertThat(json).extractingPath("keys[*].d").asArray().isEmpty();
		});
	}

	@Test
	void shouldAuditSignInsWithoutThePassword() {
		TenantId tenant = newTenant("as");
		String username = "audited-" + tenant.slug();
		this.users.create(Actor.of("test"), tenant, username, "a@example.com", Set.of("VIEWER"), "the right password");
		OAuthFlows flows = new OAuthFlows(this.mvc);

		assertThat(flows.attemptSignIn(username, "the wrong password")).contains("/login?error");
		flows.signIn(username, "the right password");

		assertThat(this.audit.list(tenant, null, ScrollPosition.keyset(), 10))
			.extracting((event) -> event.type() + " " + event.subject() + " " + event.detail())
			.containsSubsequence("LOGIN_SUCCEEDED " + username + " null",
					"LOGIN_FAILED " + username + " BadCredentialsException")
			.noneMatch((line) -> line.contains("password"));
		assertThat(this.audit.list(tenant, SecurityEventType.LOGIN_FAILED, ScrollPosition.keyset(), 10)).hasSize(1);
	}

	@Test
	void shouldServeDiscoveryForTheConfiguredIssuer() {
		assertThat(this.mvc.get().uri("/.well-known/openid-configuration")).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("issuer").isEqualTo("http://localhost:8080");
				assertThat(json).extractingPath("code_challenge_methods_supported").asArray().contains("S256");
			});
	}

	private MvcTestResult me(String token) {
		return this.mvc.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token)
			.content(ME)
			.exchange();
	}

	private static Map<String, Object> claims(String jwt) {
		String payload = jwt.substring(jwt.indexOf('.') + 1, jwt.lastIndexOf('.'));
		return JsonMapper.builder()
			.build()
			.readValue(Base64.getUrlDecoder().decode(payload), new TypeReference<Map<String, Object>>() {
			});
	}

	private static String header(String jwt) {
		return new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))));
	}

}
