package io.towerline.api.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Issue 5's query measurement: {@code subscribers(first: 100)} with plan and router
 * resolved — SQL statements per request (batch loading, no N+1) and requests per second
 * over loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.properties.hibernate.generate_statistics=true",
				"towerline.rate-limit.tiers.standard.capacity=1000000000000",
				"towerline.rate-limit.tiers.standard.restore-per-second=1000000000" })
class SubscriberQueryBenchmark extends ApiTest {

	private static final String QUERY = "{\"query\":\"{ subscribers(first: 100) { edges { node { id username status "
			+ "plan { name rateLimit } router { name host } } } } }\"}";

	@LocalServerPort
	int port;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	Environment environment;

	@Test
	void measure() throws Exception {
		TenantId tenant = newTenant("bench-subs");
		String operator = TestTokens.forTenant(tenant.slug(), "OPERATOR");
		NetworkFixture network = NetworkFixture.create(as(operator), "bench-core");
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			rows.add(Map.of("username", "q-" + i, "password", "secret-" + i, "planId", network.planId(), "routerId",
					network.routerId()));
		}
		String operation = as(operator).documentName("bulkCreateSubscribers")
			.variable("input", Map.of("subscribers", rows))
			.execute()
			.path("bulkCreateSubscribers.operations[0].id")
			.entity(String.class)
			.get();
		network.awaitSucceeded(operation);

		String token = TestTokens.forTenant(tenant.slug(), "VIEWER");
		var request = LoadDriver.post("http://127.0.0.1:" + this.port + "/graphql", token, QUERY);
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		LoadDriver driver = new LoadDriver();
		driver.run(request, 1, Duration.ofSeconds(3));
		statistics.clear();
		LoadDriver.Result counted = driver.run(request, 1, Duration.ofSeconds(5));
		long statements = statistics.getPrepareStatementCount();
		long requests = Math.round(counted.requestsPerSecond() * 5);
		driver.run(request, 8, Duration.ofSeconds(20));
		LoadDriver.Result load = driver.run(request, 8, Duration.ofSeconds(15));
		network.close();

		StringBuilder report = new StringBuilder("# subscribers(first: 100) benchmark\n\n");
		report.append(String.format("SQL statements per request (Hibernate statistics, %d requests): %.2f%n%n",
				requests, (double) statements / requests));
		report.append(String.format("Throughput, 8 closed-loop workers, 15 s after warm-up: %s%n", load));
		// run with -Dspring.jpa.properties.hibernate.criteria.plan_cache_enabled=false
		// for the
		// figures before criteria plans were cached
		report.append(String.format("%nHibernate criteria plan cache: %s%n",
				this.environment.getProperty("spring.jpa.properties.hibernate.criteria.plan_cache_enabled")));
		Path out = Path.of("target", "benchmarks", "subscribers-query.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
	}

}
