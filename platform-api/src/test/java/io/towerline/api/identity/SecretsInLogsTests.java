package io.towerline.api.identity;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.actor.Actor;
import io.towerline.core.identity.ApiClient;
import io.towerline.core.identity.ApiClientRegistry;
import io.towerline.core.identity.Issued;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every identity flow with security and web logging at DEBUG, capturing all output: no
 * password, client secret or token may appear in it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTests extends ApiTest {

	private static final List<String> VERBOSE = List.of("org.springframework.security", "org.springframework.web",
			"org.springframework.graphql", "io.towerline");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiClientRegistry clients;

	@Autowired
	LoggingSystem logging;

	@BeforeEach
	void verbose() {
		VERBOSE.forEach((logger) -> this.logging.setLogLevel(logger, LogLevel.DEBUG));
	}

	@AfterEach
	void quiet() {
		VERBOSE.forEach((logger) -> this.logging.setLogLevel(logger, null));
	}

	/**
	 * GraphQL over MockMvc directly, so that everything captured is the server's output
	 * (the GraphQL test client logs the bodies it decodes at DEBUG).
	 */
	private String graphQl(String token, String document, String variables, String resultPath) {
		String body = "{\"query\": " + quote(document) + ", \"variables\": " + variables + "}";
		try {
			String response = this.mvc.post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + token)
				.content(body)
				.exchange()
				.getResponse()
				.getContentAsString();
			return JsonPath.read(response, resultPath);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	@Test
	void shouldKeepPasswordsSecretsAndTokensOutOfTheLogs(CapturedOutput output) {
		List<String> secrets = new ArrayList<>();
		TenantId tenant = newTenant("logs");
		OAuthFlows flows = new OAuthFlows(this.mvc);
		String admin = TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN");
		secrets.add(admin);

		String chosen = graphQl(admin,
				"mutation($input: CreateUserInput!) { createUser(input: $input) { initialPassword } }",
				"{\"input\": {\"username\": \"chosen-" + tenant.slug()
						+ "\", \"email\": \"c@example.com\", \"roles\": [\"OPERATOR\"]}}",
				"$.data.createUser.initialPassword");
		secrets.add(chosen);
		String userToken = flows.signIn("chosen-" + tenant.slug(), chosen);
		secrets.add(userToken);
		flows.attemptSignIn("chosen-" + tenant.slug(), "a mistyped password 43");
		secrets.add("a mistyped password 43");

		String secret = graphQl(admin,
				"mutation { createApiClient(input: {name: \"Billing\", roles: [OPERATOR]}) { clientSecret } }", "{}",
				"$.data.createApiClient.clientSecret");
		secrets.add(secret);
		Issued<ApiClient> client = this.clients.create(Actor.of("test"), tenant, "CRM", Set.of("VIEWER"));
		secrets.add(client.secret());
		String clientToken = flows.clientToken(client.value().clientId(), client.secret());
		secrets.add(clientToken);
		flows.clientTokenRequest(client.value().clientId(), client.secret() + "x");
		Issued<ApiClient> rotated = this.clients.rotateSecret(Actor.of("test"), tenant, client.value().id());
		secrets.add(rotated.secret());
		secrets.add(
				this.users
					.resetPassword(Actor.of("test"), tenant,
							this.users.findByUsername("chosen-" + tenant.slug()).orElseThrow().id())
					.secret());

		for (String token : List.of(userToken, clientToken, clientToken + "tampered")) {
			this.mvc.post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + token)
				.content("{\"query\":\"{ me { subject } }\"}")
				.exchange();
		}

		assertThat(output.getAll()).as("the flows were logged at DEBUG").contains("DEBUG");
		for (String value : secrets) {
			assertThat(output.getAll()).doesNotContain(value);
			// a token's signature alone is as good as the token for an attacker who has
			// seen other parts
			if (value.chars().filter((c) -> c == '.').count() == 2) {
				assertThat(output.getAll()).doesNotContain(value.substring(value.lastIndexOf('.') + 1));
			}
		}
	}

}
