package io.towerline.api.throttling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits through the real server, on the shared PostgreSQL backend, with a tiny
 * STANDARD tier (300 points, 1 point/s back) so limits are reached in a few requests. A
 * page of ten POPs ({@code pops(first: 10) { edges { node { name } } }}) costs 22 (21
 * objects, 10 names).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
		properties = { "towerline.rate-limit.backend=postgresql", "towerline.rate-limit.tiers.standard.capacity=300",
				"towerline.rate-limit.tiers.standard.restore-per-second=1", "towerline.rate-limit.client-share=0.5" })
class ThrottlingTests extends ApiTest {

	private static final String PAGE = "pops(first: 10) { edges { node { name } } }";

	private static final int PAGE_COST = 22;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TenantCatalog catalog;

	@Test
	void shouldThrottleTheTenantPastItsLimitWhileAnotherTenantIsServedInTheSameRun() throws Exception {
		TenantId greedy = newTenant("greedy");
		TenantId modest = newTenant("modest");
		String greedyToken = TestTokens.forTenant(greedy.slug(), "VIEWER");
		String modestToken = TestTokens.forTenant(modest.slug(), "VIEWER");
		List<Future<Reply>> greedyReplies = new ArrayList<>();
		List<Future<Reply>> modestReplies = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 50; i++) {
				// 40 × 22 points for the greedy tenant, 10 × 22 = 220 ≤ 300 for the
				// modest one
				boolean modestTurn = i % 5 == 4;
				String token = modestTurn ? modestToken : greedyToken;
				(modestTurn ? modestReplies : greedyReplies).add(pool.submit(() -> post(token, "{ " + PAGE + " }")));
			}
		}
		List<Reply> greedyResults = results(greedyReplies);
		List<Reply> throttled = greedyResults.stream().filter((reply) -> reply.status() == 429).toList();

		assertThat(results(modestReplies)).hasSize(10).allSatisfy((reply) -> {
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.body().path("data").path("pops").isObject()).isTrue();
		});
		assertThat(throttled).hasSizeGreaterThanOrEqualTo(40 - 300 / PAGE_COST - 5).allSatisfy((reply) -> {
			assertThat(reply.code()).isEqualTo("RATE_LIMITED");
			assertThat(Long.parseLong(reply.retryAfter())).isPositive();
			assertThat(reply.body().path("extensions").path("cost").path("charged").asLong()).isZero();
			assertThat(reply.body().path("data").isMissingNode() || reply.body().path("data").isNull()).isTrue();
		});
	}

	@Test
	void shouldGiveEachApiClientItsOwnShareOfTheTenantsBucket() throws Exception {
		TenantId tenant = newTenant("clients");
		String billing = TestTokens.withClaims(Map.of("client_id", "billing"), tenant.slug(), "OPERATOR");
		String staff = TestTokens.forTenant(tenant.slug(), "VIEWER");

		// the client's bucket holds 150: six pages (132) fit, the seventh does not
		for (int i = 0; i < 6; i++) {
			assertThat(post(billing, "{ " + PAGE + " }").status()).isEqualTo(200);
		}
		Reply seventh = post(billing, "{ " + PAGE + " }");
		Reply user = post(staff, "{ " + PAGE + " }");

		assertThat(seventh.status()).isEqualTo(429);
		assertThat(seventh.body().path("extensions").path("cost").path("limit").asLong()).isEqualTo(150);
		assertThat(user.status()).isEqualTo(200);
		// the refused request was not charged to the tenant: 300 - 6 × 22 - 22 (plus what
		// came back)
		assertThat(user.body().path("extensions").path("cost").path("remaining").asLong())
			.isGreaterThanOrEqualTo(300 - 7 * PAGE_COST);
	}

	@Test
	void shouldChargeAliasAbusePerObject() throws Exception {
		TenantId tenant = newTenant("aliases");
		String token = TestTokens.forTenant(tenant.slug(), "VIEWER");
		String tenPages = "{ " + aliases(10) + " }";

		Reply first = post(token, tenPages);
		Reply second = post(token, tenPages);
		Reply tooBig = post(token, "{ " + aliases(15) + " }");

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body().path("extensions").path("cost").path("charged").asLong()).isEqualTo(10 * PAGE_COST);
		assertThat(second.status()).isEqualTo(429);
		assertThat(second.code()).isEqualTo("RATE_LIMITED");
		assertThat(tooBig.code()).isEqualTo("MAX_COST_EXCEEDED");
		assertThat(tooBig.body().path("errors").path(0).path("extensions").path("maxCost").asLong()).isEqualTo(300);
	}

	@Test
	void shouldApplyATierChangeAtOnce() throws Exception {
		TenantId tenant = newTenant("upgrade");
		String token = TestTokens.forTenant(tenant.slug(), "VIEWER");
		post(token, "{ " + aliases(10) + " }");
		assertThat(post(token, "{ " + aliases(10) + " }").status()).isEqualTo(429);

		this.catalog.changeTier(tenant, RateLimitTier.ENTERPRISE);
		Reply upgraded = post(token, "{ " + aliases(10) + " }");

		assertThat(upgraded.status()).isEqualTo(200);
		assertThat(upgraded.body().path("extensions").path("cost").path("limit").asLong()).isEqualTo(250_000);
	}

	private static String aliases(int count) {
		StringBuilder document = new StringBuilder();
		for (int i = 0; i < count; i++) {
			document.append("p").append(i).append(": ").append(PAGE).append(' ');
		}
		return document.toString();
	}

	private Reply post(String token, String document) throws Exception {
		String body = this.json.writeValueAsString(Map.of("query", document));
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.headers().firstValue("Retry-After").orElse(""),
				this.json.readTree(response.body()));
	}

	private static List<Reply> results(List<Future<Reply>> futures) throws Exception {
		List<Reply> replies = new ArrayList<>();
		for (Future<Reply> future : futures) {
			replies.add(future.get());
		}
		return replies;
	}

	private record Reply(int status, String retryAfter, JsonNode body) {

		String code() {
			return this.body.path("errors").path(0).path("extensions").path("code").asString();
		}

	}

}
