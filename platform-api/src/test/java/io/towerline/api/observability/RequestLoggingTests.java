package io.towerline.api.observability;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log lines written while serving a request carry the caller's tenant realm and the
 * request id.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLoggingTests extends ApiTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void shouldTagLogLinesWithTenantAndRequestId(CapturedOutput output) {
		String slug = TestDatabase.uniqueSlug("logged");
		String body = "{\"query\":\"mutation { createTenant(input: {slug: \\\"" + slug
				+ "\\\", displayName: \\\"Logged\\\"}) { errors { code } } }\"}";
		assertThat(this.mvc.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + TestTokens.platformAdmin())
			.header("X-Request-Id", "req-logging-0001")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatus(200).hasHeader("X-Request-Id", "req-logging-0001");
		assertThat(output.getOut().lines().filter((line) -> line.contains("Tenant " + slug + " schema")))
			.singleElement()
			.asString()
			.contains("[platform|req-logging-0001]");
	}

}
