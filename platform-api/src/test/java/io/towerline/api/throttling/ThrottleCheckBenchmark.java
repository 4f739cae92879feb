package io.towerline.api.throttling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.Machine;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 3's measurement: what one rate-limit check costs, in-process and on the shared
 * PostgreSQL backend. A check is {@link Throttle#charge} for a tenant caller (tier from
 * the cached catalog lookup, one bucket); the API-client case adds a second bucket.
 * Callers cycle over 1,000 tenants unless said otherwise. Timed loops after a warm-up;
 * run with {@code -Pbenchmark}.
 */
class ThrottleCheckBenchmark extends ApiTest {

	private static final int TENANTS = 1_000;

	@Autowired
	DataSource dataSource;

	@Autowired
	TenantTiers tiers;

	/** Buckets large enough never to throttle, so every check takes the charging path. */
	private final ThrottlingProperties properties = new ThrottlingProperties(ThrottlingProperties.Backend.LOCAL,
			Map.of(RateLimitTier.STARTER, new Allowance(1_000_000_000_000L, 1_000_000_000L)), 0.5,
			RateLimitTier.ENTERPRISE, Duration.ofMinutes(10), null, null, 0, null);

	private final StringBuilder report = new StringBuilder("# Rate-limit check benchmark\n\n");

	@Test
	void measure() throws Exception {
		line("Machine: %s. PostgreSQL: the embedded test server (fsync off, loopback).", Machine.describe());
		List<Caller> tenants = callers(false);
		List<Caller> clients = callers(true);
		tenants.forEach(this.tiers::tierOf);
		line("\n| backend | callers | threads | thread time per check | checks/s |\n|---|---|---|---|---|");
		Throttle local = new Throttle(new LocalBuckets(Duration.ofMinutes(10)), this.tiers, this.properties);
		measure("in-process", "1,000 tenants", local, tenants, 1, Duration.ofSeconds(3));
		measure("in-process", "1,000 tenants", local, tenants, 1, Duration.ofSeconds(5));
		measure("in-process", "1,000 tenants", local, tenants, 2, Duration.ofSeconds(5));
		measure("in-process", "1,000 API clients (2 buckets)", local, clients, 1, Duration.ofSeconds(5));
		measure("in-process", "1 hot tenant", local, tenants.subList(0, 1), 2, Duration.ofSeconds(5));
		try (PostgresBuckets shared = new PostgresBuckets(this.dataSource)) {
			Throttle postgres = new Throttle(shared, this.tiers, this.properties);
			measure("PostgreSQL", "1,000 tenants", postgres, tenants, 1, Duration.ofSeconds(3));
			measure("PostgreSQL", "1,000 tenants", postgres, tenants, 1, Duration.ofSeconds(8));
			measure("PostgreSQL", "1,000 tenants", postgres, tenants, 4, Duration.ofSeconds(8));
			measure("PostgreSQL", "1,000 API clients (2 buckets)", postgres, clients, 1, Duration.ofSeconds(8));
			measure("PostgreSQL", "1 hot tenant", postgres, tenants.subList(0, 1), 4, Duration.ofSeconds(8));
		}
		line("%nLoad average at end: %s.", Machine.loadAverage());
		line("The first row of each backend is a warm-up. A check of an API client touches two buckets.");
		Path out = Path.of("target", "benchmarks", "rate-limit-check.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, this.report);
		System.out.println(this.report);
	}

	private List<Caller> callers(boolean withClient) {
		IntFunction<Caller> caller = (i) -> new Caller("bench-rl-" + i, false, withClient ? "client-" + i : null);
		List<Caller> callers = new ArrayList<>();
		for (int i = 0; i < TENANTS; i++) {
			callers.add(caller.apply(i));
		}
		return callers;
	}

	private void measure(String backend, String callers, Throttle limiter, List<Caller> cycle, int threads,
			Duration duration) throws Exception {
		long deadline = System.nanoTime() + duration.toNanos();
		List<Future<long[]>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			for (int t = 0; t < threads; t++) {
				int offset = t * 7;
				results.add(pool.submit(() -> {
					long checks = 0;
					long throttled = 0;
					long start = System.nanoTime();
					while (System.nanoTime() < deadline) {
						for (int i = 0; i < 100; i++) {
							Caller caller = cycle.get((int) ((checks + offset) % cycle.size()));
							throttled += limiter.charge(caller, 1).throttled() ? 1 : 0;
							checks++;
						}
					}
					return new long[] { checks, throttled, System.nanoTime() - start };
				}));
			}
		}
		long checks = 0;
		long nanos = 0;
		long throttled = 0;
		for (Future<long[]> result : results) {
			long[] r = result.get();
			checks += r[0];
			throttled += r[1];
			nanos = Math.max(nanos, r[2]);
		}
		double perSecond = checks / (nanos / 1e9);
		double nanosPerCheck = nanos * (double) threads / checks;
		line("| %s | %s | %d | %s | %,.0f |%s", backend, callers, threads, format(nanosPerCheck), perSecond,
				(throttled > 0) ? " (" + throttled + " throttled)" : "");
	}

	private static String format(double nanos) {
		return (nanos < 10_000) ? String.format("%.0f ns", nanos) : String.format("%.0f µs", nanos / 1_000);
	}

	private void line(String format, Object... args) {
		this.report.append(String.format(format, args)).append('\n');
	}

}
