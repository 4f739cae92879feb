package io.towerline.api.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.towerline.TowerlineApplication;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.Machine;
import io.towerline.api.support.TestTokens;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 3's throughput measurement: requests per second when the tokens of 1,000 tenants
 * cycle, so every request meets another tenant's status, tier and bucket, next to the
 * same load from one tenant; on the in-process backend (this context) and on the
 * PostgreSQL backend (a second instance of the application on the same database).
 * <p>
 * The 1,000 tenants are written straight into the catalog (ACTIVE, ENTERPRISE) without
 * schemas, because onboarding 1,000 schemas would take minutes; the request, {@code { me
 * { subject tenant } }} (cost 1), needs no tenant schema. So the numbers are the gateway
 * (JWT, tenant resolution, GraphQL, pricing, charging) without data access.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantCyclingBenchmark extends ApiTest {

	private static final int TENANTS = 1_000;

	private static final String ME = "{\"query\":\"{ me { subject tenant } }\"}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final StringBuilder report = new StringBuilder("# Requests/s with 1,000 tenants' tokens cycling\n\n");

	@Test
	void measure() throws Exception {
		line("Machine: %s; client and server share the cores (loopback). 8 closed-loop workers, a 15 s warm-up, "
				+ "then three alternating 8 s rounds; median shown.", Machine.describe());
		List<String> slugs = registerTenants();
		try {
			line("\n| backend | tokens | median round | all rounds |\n|---|---|---|---|");
			run("in-process", this.port, slugs);
			try (ConfigurableApplicationContext shared = startWithPostgresBuckets()) {
				int sharedPort = Integer.parseInt(shared.getEnvironment().getProperty("local.server.port", "0"));
				run("PostgreSQL", sharedPort, slugs);
			}
		}
		finally {
			// schema-less tenants must not meet other benchmarks' start-up migrations
			this.jdbc.sql("DELETE FROM public.tenant WHERE slug LIKE 'cycle%'").update();
		}
		line("%nLoad average at end: %s.", Machine.loadAverage());
		line("Every request is priced (cost 1) and charged; no request was throttled unless failures say so.");
		Path out = Path.of("target", "benchmarks", "tenant-cycling.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, this.report);
		System.out.println(this.report);
	}

	private void run(String backend, int port, List<String> slugs) throws InterruptedException {
		String url = "http://127.0.0.1:" + port + "/graphql";
		List<HttpRequest> cycling = new ArrayList<>();
		for (String slug : slugs) {
			cycling.add(LoadDriver.post(url, TestTokens.forTenant(slug, "VIEWER"), ME));
		}
		List<HttpRequest> single = List.of(cycling.getFirst());
		LoadDriver driver = new LoadDriver();
		driver.run(cycling, 8, Duration.ofSeconds(10));
		driver.run(single, 8, Duration.ofSeconds(5));
		List<LoadDriver.Result> one = new ArrayList<>();
		List<LoadDriver.Result> many = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			one.add(driver.run(single, 8, Duration.ofSeconds(8)));
			many.add(driver.run(cycling, 8, Duration.ofSeconds(8)));
		}
		line("| %s | 1 tenant | %s | %s |", backend, median(one), one);
		line("| %s | 1,000 tenants cycling | %s | %s |", backend, median(many), many);
	}

	private static LoadDriver.Result median(List<LoadDriver.Result> results) {
		return results.stream()
			.sorted(Comparator.comparingDouble(LoadDriver.Result::requestsPerSecond))
			.toList()
			.get(results.size() / 2);
	}

	private List<String> registerTenants() {
		List<String> slugs = new ArrayList<>();
		Instant now = Instant.now();
		for (int i = 0; i < TENANTS; i++) {
			String slug = TestDatabase.uniqueSlug("cycle" + i);
			slugs.add(slug);
			this.jdbc
				.sql("INSERT INTO public.tenant (slug, display_name, status, rate_limit_tier, created_at, updated_at) "
						+ "VALUES (?, ?, 'ACTIVE', 'ENTERPRISE', ?, ?)")
				.params(slug, "Bench " + i, Timestamp.from(now), Timestamp.from(now))
				.update();
		}
		return slugs;
	}

	private static ConfigurableApplicationContext startWithPostgresBuckets() throws IOException {
		TestDatabase.Server db = TestDatabase.server();
		return new SpringApplicationBuilder(TowerlineApplication.class)
			.properties(Map.of("spring.datasource.url", db.url(), "spring.datasource.username", db.username(),
					"spring.datasource.password", db.password(), "server.port", "0", "towerline.embedded.data-dir",
					Files.createTempDirectory("towerline-bench").toString(), "towerline.rate-limit.backend",
					"postgresql", "towerline.security.issuers[0].issuer-uri", TestTokens.ISSUER,
					"towerline.security.issuers[0].public-key-location", TestTokens.publicKeyLocation(),
					"towerline.tenancy.migrate-on-startup", "false"))
			.run();
	}

	private void line(String format, Object... args) {
		this.report.append(String.format(format, args)).append('\n');
	}

}
