package io.towerline.api.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.actor.Actor;
import io.towerline.core.identity.ApiClient;
import io.towerline.core.identity.ApiClientRegistry;
import io.towerline.core.identity.Issued;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Issue 3's measurement: CPU time per GraphQL request ({@code me}) with JWT verification,
 * in process (MockMvc, one thread, so the thread's CPU clock is the request's cost), for
 * a token of the embedded authorization server (RS256 + audience + revocation check) and
 * of an external issuer (RS256, public key); and the bare signature verification.
 */
class IdentityBenchmark extends ApiTest {

	private static final int WARM_UP = 3_000;

	private static final int RUNS = 5;

	private static final int REQUESTS = 3_000;

	private static final String ME = "{\"query\":\"{ me { subject tenant roles } }\"}";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiClientRegistry clients;

	@Autowired
	JWKSource<SecurityContext> signingKeys;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final StringBuilder report = new StringBuilder("# Identity benchmark\n\n");

	@Test
	void measure() throws Exception {
		TenantId tenant = newTenant("bench-id");
		Issued<ApiClient> client = this.clients.create(Actor.of("bench"), tenant, "Bench", Set.of("VIEWER"));
		String basic = Base64.getEncoder()
			.encodeToString((client.value().clientId() + ":" + client.secret()).getBytes());
		String body = this.mvc.post()
			.uri("/oauth2/token")
			.header("Authorization", "Basic " + basic)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "client_credentials")
			.exchange()
			.getResponse()
			.getContentAsString();
		String embedded = body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
		String external = TestTokens.forTenant(tenant.slug(), "VIEWER");
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(this.signingKeys)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator((jwt) -> OAuth2TokenValidatorResult.success());

		line("Machine: %d cores, JDK %s. One thread, MockMvc (no socket); CPU = that thread's CPU clock.",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		line("%d warm-up requests per variant, then %d rounds of %d requests, variants alternating; median round.\n",
				WARM_UP, RUNS, REQUESTS);
		line("| variant | CPU µs per request (median) | all rounds |\n|---|---|---|");
		long[][] rounds = new long[4][RUNS];
		for (int i = 0; i < WARM_UP; i++) {
			request(embedded);
			request(external);
			decoder.decode(embedded);
		}
		for (int round = 0; round < RUNS; round++) {
			rounds[0][round] = cpuNanos(() -> request(embedded));
			rounds[1][round] = cpuNanos(() -> request(external));
			rounds[2][round] = cpuNanos(() -> decoder.decode(embedded));
			rounds[3][round] = cpuNanos(() -> request("not.a.token"));
		}
		row("GraphQL `me`, embedded-AS token (RS256, aud, revocation cache, tenant check)", rounds[0]);
		row("GraphQL `me`, external-issuer token (RS256, tenant check)", rounds[1]);
		row("`NimbusJwtDecoder.decode` alone (RS256 signature + parsing, no validators)", rounds[2]);
		row("rejected malformed token (401, no signature check)", rounds[3]);
		Path out = Path.of("target", "benchmarks", "identity.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, this.report);
		System.out.println(this.report);
	}

	private void request(String token) {
		this.mvc.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token)
			.content(ME)
			.exchange();
	}

	private long cpuNanos(Runnable request) {
		long start = this.threads.getCurrentThreadCpuTime();
		for (int i = 0; i < REQUESTS; i++) {
			request.run();
		}
		return (this.threads.getCurrentThreadCpuTime() - start) / REQUESTS;
	}

	private void row(String variant, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		StringBuilder all = new StringBuilder();
		for (long value : nanos) {
			all.append(all.isEmpty() ? "" : ", ").append(value / 1000);
		}
		line("| %s | %d | %s |", variant, sorted[RUNS / 2] / 1000, all);
	}

	private void line(String format, Object... args) {
		this.report.append(String.format(format, args)).append('\n');
	}

}
