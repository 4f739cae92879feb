package io.towerline.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

import io.towerline.api.support.ApiTest;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded mode's local issuer hands tokens only to the person who started the
 * platform, calling directly from this machine: each way a request can come from
 * elsewhere is refused with its own code, and the secret from the data directory is
 * required.
 */
class LocalTokenTests extends ApiTest {

	private static final int PORT = 8080;

	@Autowired
	MockMvcTester mvc;

	@Test
	void shouldIssueATokenThatTheGatewayTrusts() throws Exception {
		TenantId tenant = newTenant("local");
		String token = request(tenant.slug(), (request) -> {
		}).getResponse().getContentAsString().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

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
	void shouldAcceptEveryLoopbackNameWithTheServersPort() {
		for (String host : new String[] { "localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LOCALHOST:8080" }) {
			assertThat(request("acme", (request) -> request.addHeader("Host", host), false)).as(host).hasStatusOk();
		}
	}

	@Test
	void shouldRefuseCallersFromOtherMachines() {
		assertRefused(request("acme", (request) -> request.setRemoteAddr("192.0.2.10")), 403, "LOCAL_TOKEN_NOT_LOCAL");
	}

	@Test
	void shouldRefuseForwardedRequests() {
		for (String header : new String[] { "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Forwarded",
				"X-Real-IP" }) {
			assertRefused(request("acme", (request) -> request.addHeader(header, "127.0.0.1")), 403,
					"LOCAL_TOKEN_FORWARDED");
		}
	}

	@Test
	void shouldRefuseAForeignOrMissingHost() {
		for (String host : new String[] { "evil.example:8080", "evil.example", "localhost", "localhost:9999",
				"127.0.0.1.nip.io:8080", "[::1]" }) {
			assertRefused(request("acme", (request) -> request.addHeader("Host", host), false), 403,
					"LOCAL_TOKEN_HOST");
		}
		assertRefused(request("acme", (request) -> {
		}, false), 403, "LOCAL_TOKEN_HOST");
	}

	@Test
	void shouldRefuseBrowsers() {
		assertRefused(request("acme", (request) -> request.addHeader("Origin", "http://evil.example")), 403,
				"LOCAL_TOKEN_BROWSER");
		assertRefused(request("acme", (request) -> request.addHeader("Origin", "null")), 403, "LOCAL_TOKEN_BROWSER");
		assertRefused(request("acme", (request) -> request.addHeader("Sec-Fetch-Site", "cross-site")), 403,
				"LOCAL_TOKEN_BROWSER");
		assertRefused(request("acme", (request) -> request.addHeader("Sec-Fetch-Site", "same-origin")), 403,
				"LOCAL_TOKEN_BROWSER");
	}

	@Test
	void shouldRequireTheSecretFromTheDataDirectory() {
		assertRefused(request("acme", (request) -> request.removeHeader(LocalTokenSecret.HEADER)), 401,
				"LOCAL_TOKEN_SECRET_REQUIRED");
		assertRefused(request("acme", (request) -> {
			request.removeHeader(LocalTokenSecret.HEADER);
			request.addHeader(LocalTokenSecret.HEADER, "guessed");
		}), 401, "LOCAL_TOKEN_SECRET_REQUIRED");
	}

	@Test
	void shouldKeepTheSecretInAnOwnerOnlyFile() throws IOException {
		Path file = dataDir().resolve("local-token.secret");

		assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(43);
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
	}

	@Test
	void shouldRejectUnknownRole() {
		assertThat(request("acme", (request) -> request.setParameter("roles", "ROOT"))).hasStatus(400);
	}

	private static void assertRefused(MvcTestResult result, int status, String code) {
		assertThat(result).hasStatus(status).bodyJson().extractingPath("code").isEqualTo(code);
		assertThat(result).bodyJson().extractingPath("error").asString().isNotBlank();
		assertThat(result.getResponse().getContentAsByteArray()).asString().doesNotContain("access_token");
	}

	private MvcTestResult request(String tenant, Consumer<MockHttpServletRequest> change) {
		return request(tenant, change, true);
	}

	/** A request as curl on this machine sends it, with the secret, then changed. */
	private MvcTestResult request(String tenant, Consumer<MockHttpServletRequest> change, boolean localHost) {
		String secret = readSecret();
		return this.mvc.post()
			.uri("/local/token")
			.param("tenant", tenant)
			.param("roles", "OPERATOR")
			.param("subject", "alice")
			.with((request) -> {
				request.setRemoteAddr("127.0.0.1");
				request.setLocalPort(PORT);
				if (localHost) {
					request.addHeader("Host", "localhost:" + PORT);
				}
				request.addHeader(LocalTokenSecret.HEADER, secret);
				change.accept(request);
				return request;
			})
			.exchange();
	}

	private static String readSecret() {
		try {
			return Files.readString(dataDir().resolve("local-token.secret")).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
