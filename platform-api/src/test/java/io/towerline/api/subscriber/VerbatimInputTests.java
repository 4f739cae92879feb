package io.towerline.api.subscriber;

import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that cannot reach the router exactly as given is refused with a field error and
 * changes nothing: a password with a lone UTF-16 surrogate (sent as a JSON escape, the
 * way a browser would), a username or profile name with outer spaces.
 */
class VerbatimInputTests extends ApiTest {

	@Autowired
	MockMvcTester mvc;

	NetworkFixture network;

	String token;

	@BeforeEach
	void network() {
		String tenant = newTenant("verbatim").slug();
		this.token = TestTokens.forTenant(tenant, "OPERATOR");
		this.network = NetworkFixture.create(as(this.token), "verbatim-1");
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldRefuseALoneSurrogateInAPasswordAndKeepTheOldOne() {
		String[] created = this.network.createSubscriber("verbatim", "original-pass");
		this.network.awaitSucceeded(created[1]);
		for (String escaped : new String[] { "pa\\ud800ss", "pa\\udc00ss", "pass\\ud83d" }) {
			String body = "{\"query\":\"mutation($input: ChangeSubscriberPasswordInput!) { changeSubscriberPassword(input:"
					+ " $input) { operation { id } errors { field code } } }\",\"variables\":{\"input\":{\"id\":\""
					+ created[0] + "\",\"password\":\"" + escaped + "\"}}}";
			assertThat(this.mvc.post()
				.uri("/graphql")
				.header("Authorization", "Bearer " + this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)).hasStatusOk()
				.bodyJson()
				.satisfies((json) -> assertThat(json.getJson()).contains("\"field\":\"password\"")
					.contains("VALIDATION_FAILED")
					.contains("\"operation\":null"));
		}
		this.network.graphQl()
			.document("mutation($input: SubscriberIdInput!) { revealSubscriberPassword(input: $input) { password } }")
			.variable("input", Map.of("id", created[0]))
			.execute()
			.path("revealSubscriberPassword.password")
			.entity(String.class)
			.isEqualTo("original-pass");
		assertThat(this.network.simulator().secret("verbatim").orElseThrow().get("password"))
			.isEqualTo("original-pass");
	}

	@Test
	void shouldRefuseOuterSpacesInsteadOfTrimming() {
		this.network.graphQl()
			.documentName("createSubscriber")
			.variable("input",
					Map.of("username", " spaced", "password", "spaced-pass", "planId", this.network.planId(),
							"routerId", this.network.routerId()))
			.execute()
			.path("createSubscriber.errors[0].field")
			.entity(String.class)
			.isEqualTo("username");
		this.network.graphQl()
			.documentName("createPlan")
			.variable("input",
					Map.of("name", "Spaced", "profileName", "spaced ", "downloadRate", "20M", "uploadRate", "5M"))
			.execute()
			.path("createPlan.errors[0].field")
			.entity(String.class)
			.isEqualTo("profileName");
		assertThat(this.network.simulator().secret("spaced")).isEmpty();
	}

}
