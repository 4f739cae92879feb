package io.towerline.api.security;

import io.towerline.api.support.ApiTest;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded mode's local issuer: a local user gets a token and the gateway trusts it.
 */
class LocalTokenTests extends ApiTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void shouldIssueATokenThatTheGatewayTrusts() throws Exception {
		TenantId tenant = newTenant("local");
		String token = this.mvc.post()
			.uri("/local/token")
			.param("tenant", tenant.slug())
			.param("roles", "OPERATOR")
			.param("subject", "alice")
			.with((request) -> {
				request.setRemoteAddr("127.0.0.1");
				return request;
			})
			.exchange()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

		as(token).documentName("me")
			.execute()
			.path("me.subject")
			.entity(String.class)
			.isEqualTo("alice")
			.path("me.roles")
			.entityList(String.class)
			.containsExactly("OPERATOR");
	}

	@Test
	void shouldRefuseCallersFromOtherMachines() {
		assertThat(this.mvc.post().uri("/local/token").param("tenant", "acme").with((request) -> {
			request.setRemoteAddr("192.0.2.10");
			return request;
		})).hasStatus(403);
	}

	@Test
	void shouldRejectUnknownRole() {
		assertThat(this.mvc.post()
			.uri("/local/token")
			.param("tenant", "acme")
			.param("roles", "ROOT")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)).hasStatus(400);
	}

}
