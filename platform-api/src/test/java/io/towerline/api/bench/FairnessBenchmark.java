package io.towerline.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.Machine;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 15's fairness measurement: the p99 of a quiet tenant alone and next to a noisy
 * neighbour that is throttled almost all the time, in one run, through the real server on
 * loopback (client and server share the cores).
 * <ul>
 * <li>quiet tenant (ENTERPRISE, never throttled): 2 workers, each sending
 * {@code pops(first: 10)} (10 rows, cost 22) every {@value #QUIET_PERIOD_MILLIS} ms;</li>
 * <li>noisy tenant (STARTER shrunk to 100 points, 10 per second): {@value #NOISY_WORKERS}
 * closed-loop workers sending the same query back to back, so nearly every request is
 * refused with 429.</li>
 * </ul>
 * Rounds alternate "quiet alone" and "quiet + noisy"; the report gives every round and
 * the ratio of the medians. Run with
 * {@code -Dtowerline.rate-limit.concurrent-operations=0} to see the same without the
 * bulkhead, {@code -Dtowerline.rate-limit.backend=postgresql} for the shared backend.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "towerline.rate-limit.tiers.starter.capacity=100",
		"towerline.rate-limit.tiers.starter.restore-per-second=10" })
class FairnessBenchmark extends ApiTest {

	private static final int NOISY_WORKERS = 32;

	private static final int QUIET_WORKERS = 2;

	private static final long QUIET_PERIOD_MILLIS = 20;

	private static final int ROUNDS = 3;

	private static final Duration ROUND = Duration.ofSeconds(10);

	private static final String PAGE = "{\"query\":\"{ pops(first: 10) { edges { node { id name } } } }\"}";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final StringBuilder report = new StringBuilder("# Fairness: a quiet tenant next to a throttled one\n\n");

	@LocalServerPort
	int port;

	@Value("${towerline.rate-limit.concurrent-operations:8}")
	int share;

	@Value("${towerline.rate-limit.backend:local}")
	String backend;

	@Test
	void measure() throws Exception {
		String quiet = tenant("quiet", RateLimitTier.ENTERPRISE, 10);
		// its bucket holds too little to create POPs: its requests are refused anyway
		String noisy = tenant("noisy", RateLimitTier.STARTER, 0);
		URI url = URI.create("http://127.0.0.1:" + this.port + "/graphql");
		HttpRequest quietRequest = LoadDriver.post(url.toString(), TestTokens.forTenant(quiet, "VIEWER"), PAGE);
		HttpRequest noisyRequest = LoadDriver.post(url.toString(), TestTokens.forTenant(noisy, "VIEWER"), PAGE);
		line("Machine: %s; backend %s; bulkhead share %s per tenant. Quiet: %d workers, one request each per %d ms. "
				+ "Noisy: %d closed-loop workers. %d alternating rounds of %d s after a warm-up.", Machine.describe(),
				this.backend, (this.share > 0) ? this.share : "off", QUIET_WORKERS, QUIET_PERIOD_MILLIS, NOISY_WORKERS,
				ROUNDS, ROUND.toSeconds());
		round(quietRequest, noisyRequest, true, Duration.ofSeconds(10));
		List<Sample> alone = new ArrayList<>();
		List<Sample> together = new ArrayList<>();
		line("%n| round | quiet p50 ms | quiet p99 ms | quiet req/s | quiet non-200 | noisy 200/s | noisy 429/s "
				+ "| noisy other |%n|---|---|---|---|---|---|---|---|");
		for (int i = 0; i < ROUNDS; i++) {
			alone.add(round(quietRequest, noisyRequest, false, ROUND));
			together.add(round(quietRequest, noisyRequest, true, ROUND));
			line("| %d alone | %s |", i + 1, alone.getLast());
			line("| %d with noisy | %s |", i + 1, together.getLast());
		}
		double aloneP99 = median(alone.stream().mapToDouble(Sample::p99).toArray());
		double togetherP99 = median(together.stream().mapToDouble(Sample::p99).toArray());
		line("%nQuiet p99, median of rounds: alone %.1f ms, with the noisy neighbour %.1f ms: **%.2f×** (goal ≤ 2×).",
				aloneP99, togetherP99, togetherP99 / aloneP99);
		line("Load average at end: %s.", Machine.loadAverage());
		Path out = Path.of("target", "benchmarks", "fairness.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, this.report);
		System.out.println(this.report);
	}

	private String tenant(String prefix, RateLimitTier tier, int pops) {
		String slug = TestDatabase.uniqueSlug(prefix);
		this.onboarding.onboard(slug, "Tenant " + slug, tier);
		for (int i = 0; i < pops; i++) {
			as(TestTokens.forTenant(slug, "OPERATOR")).documentName("createPop")
				.variable("input", Map.of("name", "POP " + i, "address", "somewhere"))
				.execute();
		}
		return slug;
	}

	private Sample round(HttpRequest quiet, HttpRequest noisy, boolean withNoisy, Duration duration)
			throws InterruptedException {
		long deadline = System.nanoTime() + duration.toNanos();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicLong quietFailures = new AtomicLong();
		Map<Integer, AtomicLong> noisyStatuses = new ConcurrentHashMap<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < QUIET_WORKERS; i++) {
				pool.submit(() -> {
					long next = System.nanoTime();
					while (next < deadline) {
						long start = System.nanoTime();
						int status = send(quiet);
						if (status == 200) {
							latencies.add(System.nanoTime() - start);
						}
						else {
							quietFailures.incrementAndGet();
						}
						// paced, not closed-loop: a quiet tenant's own rate does not
						// depend
						// on how fast it is served
						next += QUIET_PERIOD_MILLIS * 1_000_000;
						LockSupport.parkNanos(next - System.nanoTime());
					}
				});
			}
			if (withNoisy) {
				for (int i = 0; i < NOISY_WORKERS; i++) {
					pool.submit(() -> {
						while (System.nanoTime() < deadline) {
							noisyStatuses.computeIfAbsent(send(noisy), (status) -> new AtomicLong()).incrementAndGet();
						}
					});
				}
			}
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		double seconds = duration.toMillis() / 1000.0;
		long noisyOk = count(noisyStatuses, 200);
		long noisyThrottled = count(noisyStatuses, 429);
		long noisyOther = noisyStatuses.values().stream().mapToLong(AtomicLong::get).sum() - noisyOk - noisyThrottled;
		return new Sample(percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length / seconds,
				quietFailures.get(), noisyOk / seconds, noisyThrottled / seconds, noisyOther);
	}

	private int send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static long count(Map<Integer, AtomicLong> statuses, int status) {
		AtomicLong count = statuses.get(status);
		return (count != null) ? count.get() : 0;
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))] / 1_000_000.0;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private void line(String format, Object... args) {
		this.report.append(String.format(format, args)).append('\n');
	}

	private record Sample(double p50, double p99, double quietPerSecond, long quietFailures, double noisyOkPerSecond,
			double noisyThrottledPerSecond, long noisyOther) {

		@Override
		public String toString() {
			return String.format("%.1f | %.1f | %.0f | %d | %.0f | %.0f | %d", this.p50, this.p99, this.quietPerSecond,
					this.quietFailures, this.noisyOkPerSecond, this.noisyThrottledPerSecond, this.noisyOther);
		}

	}

}
