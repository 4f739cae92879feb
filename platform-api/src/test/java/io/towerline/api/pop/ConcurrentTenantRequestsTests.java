package io.towerline.api.pop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of interleaved requests of two tenants through the real server on a thread
 * pool: each response holds only the caller's own rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentTenantRequestsTests extends ApiTest {

	private static final int REQUESTS = 400;

	private static final String QUERY = "{\"query\":\"{ pops(first: 100) { edges { node { name } } } }\"}";

	@LocalServerPort
	int port;

	@Test
	void shouldNeverMixTenantsUnderConcurrency() throws Exception {
		TenantId a = newTenant("conc-a");
		TenantId b = newTenant("conc-b");
		seed(a, "A-1", "A-2", "A-3");
		seed(b, "B-1", "B-2");
		Map<TenantId, Set<String>> expected = Map.of(a, Set.of("A-1", "A-2", "A-3"), b, Set.of("B-1", "B-2"));

		HttpClient http = HttpClient.newHttpClient();
		JsonMapper json = JsonMapper.builder().build();
		List<Future<Boolean>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			for (int i = 0; i < REQUESTS; i++) {
				TenantId tenant = (i % 2 == 0) ? a : b;
				String token = TestTokens.forTenant(tenant.slug(), "VIEWER");
				results.add(pool.submit(() -> {
					HttpResponse<String> response = http.send(request(token), HttpResponse.BodyHandlers.ofString());
					JsonNode edges = json.readTree(response.body()).path("data").path("pops").path("edges");
					Set<String> names = new HashSet<>();
					edges.forEach((edge) -> names.add(edge.path("node").path("name").asString()));
					return response.statusCode() == 200 && names.equals(expected.get(tenant));
				}));
			}
			long correct = 0;
			for (Future<Boolean> result : results) {
				correct += result.get() ? 1 : 0;
			}
			assertThat(correct).isEqualTo(REQUESTS);
		}
	}

	private HttpRequest request(String token) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(QUERY))
			.build();
	}

	private void seed(TenantId tenant, String... names) {
		for (String name : names) {
			as(TestTokens.forTenant(tenant.slug(), "OPERATOR")).documentName("createPop")
				.variable("input", Map.of("name", name, "address", "somewhere"))
				.execute()
				.path("createPop.errors")
				.entityList(Object.class)
				.hasSize(0);
		}
	}

}
