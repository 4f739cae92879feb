package io.towerline.api.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator on loopback: a fixed number of workers send the same
 * request back to back for a fixed time; latencies of successful responses are recorded.
 * Bounded in time and stops by itself.
 */
final class LoadDriver {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	Result run(HttpRequest request, int workers, Duration duration) throws InterruptedException {
		return run(List.of(request), workers, duration);
	}

	/**
	 * Like {@link #run(HttpRequest, int, Duration)}, each worker cycling through
	 * {@code requests}.
	 */
	Result run(List<HttpRequest> requests, int workers, Duration duration) throws InterruptedException {
		long cpuBefore = processCpuNanos();
		long deadline = System.nanoTime() + duration.toNanos();
		List<long[]> samples = new ArrayList<>();
		AtomicLong failures = new AtomicLong();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < workers; i++) {
				long[] latencies = new long[2_000_000];
				samples.add(latencies);
				int offset = i * (requests.size() / workers);
				pool.submit(() -> {
					int n = 0;
					int sent = offset;
					while (System.nanoTime() < deadline && n < latencies.length) {
						HttpRequest request = requests.get(sent++ % requests.size());
						long start = System.nanoTime();
						try {
							HttpResponse<String> response = this.http.send(request,
									HttpResponse.BodyHandlers.ofString());
							if (response.statusCode() == 200) {
								latencies[n++] = System.nanoTime() - start;
							}
							else {
								failures.incrementAndGet();
							}
						}
						catch (Exception ex) {
							failures.incrementAndGet();
						}
					}
					latencies[latencies.length - 1] = n;
					return null;
				});
			}
		}
		long cpu = processCpuNanos() - cpuBefore;
		int total = samples.stream().mapToInt((s) -> (int) s[s.length - 1]).sum();
		long[] all = new long[total];
		int at = 0;
		for (long[] s : samples) {
			int n = (int) s[s.length - 1];
			System.arraycopy(s, 0, all, at, n);
			at += n;
		}
		Arrays.sort(all);
		return new Result(total / (duration.toMillis() / 1000.0), percentile(all, 0.50), percentile(all, 0.99),
				failures.get(), (total > 0) ? cpu / 1000.0 / total : Double.NaN);
	}

	/**
	 * CPU time of this JVM (server and load driver together): unlike throughput it does
	 * not depend on what else runs on a shared machine.
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))] / 1_000_000.0;
	}

	static HttpRequest post(String url, String token, String body) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	static HttpRequest get(String url, String token) {
		return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
	}

	/**
	 * Outcome of one load run.
	 *
	 * @param requestsPerSecond successful requests per second
	 * @param p50Millis median latency
	 * @param p99Millis 99th percentile latency
	 * @param failures non-200 responses and transport errors
	 * @param cpuMicrosPerRequest CPU time of the whole JVM (server and load driver) per
	 * successful request
	 */
	record Result(double requestsPerSecond, double p50Millis, double p99Millis, long failures,
			double cpuMicrosPerRequest) {

		@Override
		public String toString() {
			return String.format("%.0f req/s, p50 %.2f ms, p99 %.2f ms, %d failures, %.0f µs CPU/request",
					this.requestsPerSecond, this.p50Millis, this.p99Millis, this.failures, this.cpuMicrosPerRequest);
		}

	}

}
