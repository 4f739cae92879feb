package io.towerline.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.towerline.TowerlineApplication;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 2's measurements: onboarding time, start-up with 200 migrated tenants, and the
 * GraphQL gateway's throughput and tail latency next to a plain MVC endpoint serving the
 * same rows in the same run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlainPopsEndpoint.class)
// the rate limiter still prices and charges every request, but never throttles the single
// bench tenant
@TestPropertySource(properties = { "towerline.rate-limit.tiers.standard.capacity=1000000000000",
		"towerline.rate-limit.tiers.standard.restore-per-second=1000000000" })
class GatewayBenchmark extends ApiTest {

	private static final int TENANTS_AT_STARTUP = 200;

	private static final String POPS_QUERY = "{\"query\":\"{ pops(first: 50) { edges { node { id name address } } } }\"}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final StringBuilder report = new StringBuilder("# Gateway benchmark\n\n");

	@Test
	void measure() throws Exception {
		line("Machine: %d cores, JDK %s; client and server share the cores (loopback).",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		// -Dbench.throughputOnly=true measures only the gateway against the plain
		// endpoint
		boolean all = !Boolean.getBoolean("bench.throughputOnly");
		if (all) {
			onboarding();
		}
		throughput();
		if (all) {
			startupWithManyTenants();
		}
		Path out = Path.of("target", "benchmarks", "gateway.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, this.report);
		System.out.println(this.report);
	}

	private void onboarding() {
		int runs = 20;
		long[] millis = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			newTenant("bench-onboard");
			millis[i] = (System.nanoTime() - start) / 1_000_000;
		}
		long first = millis[0];
		Arrays.sort(millis);
		line("\n## Onboarding one tenant (register, create schema, apply tenant changelog, activate)\n");
		line("%d tenants: first %d ms, median %d ms, max %d ms.", runs, first, millis[runs / 2], millis[runs - 1]);
	}

	private void throughput() throws Exception {
		TenantId tenant = newTenant("bench-pops");
		String operator = TestTokens.forTenant(tenant.slug(), "OPERATOR");
		for (int i = 0; i < 50; i++) {
			as(operator).documentName("createPop")
				.variable("input", Map.of("name", String.format("POP %03d", i), "address", "Bench street " + i))
				.execute();
		}
		String token = TestTokens.forTenant(tenant.slug(), "VIEWER");
		String base = "http://127.0.0.1:" + this.port;
		var graphQl = LoadDriver.post(base + "/graphql", token, POPS_QUERY);
		var plain = LoadDriver.get(base + "/bench/pops", token);
		LoadDriver driver = new LoadDriver();
		int workers = 8;
		driver.run(graphQl, workers, Duration.ofSeconds(20));
		driver.run(plain, workers, Duration.ofSeconds(20));
		List<LoadDriver.Result> graphQlRuns = new ArrayList<>();
		List<LoadDriver.Result> plainRuns = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			graphQlRuns.add(driver.run(graphQl, workers, Duration.ofSeconds(10)));
			plainRuns.add(driver.run(plain, workers, Duration.ofSeconds(10)));
		}
		LoadDriver.Result g = median(graphQlRuns);
		LoadDriver.Result p = median(plainRuns);
		line("\n## pops(first: 50) vs plain MVC, same rows, same JWT + tenant resolution\n");
		line("%d closed-loop workers, 3 alternating 10 s rounds after a 20 s warm-up each; median round shown.",
				workers);
		line("\n| endpoint | req/s | p50 ms | p99 ms | failures | CPU µs/request (JVM) |\n|---|---|---|---|---|---|");
		line("| GraphQL `pops(first: 50)` | %.0f | %.2f | %.2f | %d | %.0f |", g.requestsPerSecond(), g.p50Millis(),
				g.p99Millis(), g.failures(), g.cpuMicrosPerRequest());
		line("| plain MVC `/bench/pops` | %.0f | %.2f | %.2f | %d | %.0f |", p.requestsPerSecond(), p.p50Millis(),
				p.p99Millis(), p.failures(), p.cpuMicrosPerRequest());
		line("\nGateway overhead: GraphQL serves %.0f%% of the plain endpoint's throughput (ratio %.2f).",
				100 * g.requestsPerSecond() / p.requestsPerSecond(), p.requestsPerSecond() / g.requestsPerSecond());
		line("CPU per request (median rounds): GraphQL %.0f µs, plain %.0f µs (ratio %.2f); unlike throughput, CPU "
				+ "per request does not depend on what else the machine runs.", g.cpuMicrosPerRequest(),
				p.cpuMicrosPerRequest(), g.cpuMicrosPerRequest() / p.cpuMicrosPerRequest());
		line("All rounds: GraphQL %s; plain %s.", graphQlRuns, plainRuns);
	}

	private void startupWithManyTenants() throws IOException {
		long existing = countTenants();
		long start = System.nanoTime();
		for (long i = existing; i < TENANTS_AT_STARTUP; i++) {
			newTenant("bench-many");
		}
		long seeding = (System.nanoTime() - start) / 1_000_000;
		TestDatabase.Server db = TestDatabase.server();
		Path dataDir = dataDir();
		long[] startups = new long[2];
		for (int i = 0; i < startups.length; i++) {
			long begin = System.nanoTime();
			// command-line arguments, so they win over application.yaml (default
			// properties would not)
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TowerlineApplication.class).run(
					"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
					"--spring.datasource.password=" + db.password(), "--server.port=0",
					"--towerline.embedded.data-dir=" + dataDir)) {
				startups[i] = (System.nanoTime() - begin) / 1_000_000;
			}
		}
		line("\n## Start-up with %d tenants already migrated\n", countTenants());
		line("Seeding the missing tenants took %d ms. Application start to ready (includes checking every tenant "
				+ "schema with Liquibase, parallelism 4): %d ms, then %d ms.", seeding, startups[0], startups[1]);
	}

	private long countTenants() {
		return this.jdbc.sql("SELECT count(*) FROM public.tenant").query(Long.class).single();
	}

	private static LoadDriver.Result median(List<LoadDriver.Result> results) {
		return results.stream()
			.sorted(Comparator.comparingDouble(LoadDriver.Result::requestsPerSecond))
			.toList()
			.get(results.size() / 2);
	}

	private void line(String format, Object... args) {
		this.report.append(String.format(format, args)).append('\n');
	}

}
