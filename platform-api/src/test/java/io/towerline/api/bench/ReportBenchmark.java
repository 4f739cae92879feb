package io.towerline.api.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.towerline.api.support.ApiTest;
import io.towerline.core.actor.Actor;
import io.towerline.core.report.Report;
import io.towerline.core.report.ReportFormat;
import io.towerline.core.report.ReportKind;
import io.towerline.core.report.ReportStatus;
import io.towerline.core.report.ReportTotal;
import io.towerline.core.report.Reports;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.usage.Counters;
import io.towerline.core.usage.UsageDelta;
import io.towerline.core.usage.UsageRecorder;
import io.towerline.core.usage.UsageScope;
import io.towerline.core.usage.UsageTotals;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13's report measurement: a usage report of {@code bench.rows} (100,000) rows,
 * from the request to both files stored, with the server's heap sampled every 20 ms while
 * it runs (peak used, and the old generation after collections, which is what the report
 * retains) and the files downloaded through the service. Not a test: run with
 * {@code ./mvnw -o -pl platform-api -am verify -Pbenchmark -Dtest=ReportBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; the figures go to
 * {@code platform-api/target/report-benchmark.md}.
 */
class ReportBenchmark extends ApiTest {

	private static final int ROWS = Integer.getInteger("bench.rows", 100_000);

	@Autowired
	UsageRecorder recorder;

	@Autowired
	UsageTotals totals;

	@Autowired
	Reports reports;

	private final StringBuilder out = new StringBuilder("# Report benchmark\n\n");

	@Test
	void measure() throws Exception {
		TenantId tenant = newTenant("bench-report");
		Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
		UUID router = UUID.randomUUID();
		long started = System.nanoTime();
		for (int from = 0; from < ROWS; from += 5000) {
			List<UsageDelta> batch = new ArrayList<>();
			for (int i = from; i < Math.min(ROWS, from + 5000); i++) {
				batch.add(new UsageDelta(router, "user%06d".formatted(i), UUID.randomUUID(), null,
						new Counters(1000 + i, 50_000 + i, 10, 40)));
			}
			TenantContext.callAs(tenant, () -> this.recorder.record(at, batch));
		}
		line("- load average at start: %s", Files.readString(Path.of("/proc/loadavg")).trim());
		line("- %,d usage rows (one per subscriber) recorded in %,d ms", ROWS, millisSince(started));
		Instant from = at.minus(1, ChronoUnit.DAYS);
		Instant to = Instant.now();

		System.gc();
		MemoryPoolMXBean oldGen = oldGeneration();
		oldGen.resetPeakUsage();
		long baseline = used();
		AtomicLong peak = new AtomicLong(baseline);
		AtomicLong oldAfterGc = new AtomicLong(0);
		AtomicBoolean sampling = new AtomicBoolean(true);
		Thread sampler = Thread.ofPlatform().daemon().start(() -> {
			while (sampling.get()) {
				peak.accumulateAndGet(used(), Math::max);
				if (oldGen.getCollectionUsage() != null) {
					oldAfterGc.accumulateAndGet(oldGen.getCollectionUsage().getUsed(), Math::max);
				}
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		long requested = System.nanoTime();
		Report report = TenantContext.callAs(tenant,
				() -> this.reports.request(ReportKind.USAGE_BY_SUBSCRIBER, from, to, null, Actor.system("benchmark"))
					.report());
		AtomicLong firstProgress = new AtomicLong();
		await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			Report now = TenantContext.callAs(tenant, () -> this.reports.get(report.id()));
			if (firstProgress.get() == 0 && now.rowsDone() > 0) {
				firstProgress.set(System.nanoTime());
			}
			return now.status().isFinal();
		});
		long generated = System.nanoTime();
		sampling.set(false);
		sampler.join();
		Report done = TenantContext.callAs(tenant, () -> this.reports.get(report.id()));
		assertThat(done.status()).isEqualTo(ReportStatus.SUCCEEDED);
		assertThat(done.rowsDone()).isEqualTo(ROWS);
		Counters expected = TenantContext.callAs(tenant, () -> this.totals.total(UsageScope.tenant(), from, to));
		assertThat(done.totals()).contains(new ReportTotal("Download bytes", expected.txBytes()));

		line("- report of %,d rows generated in %,d ms (%,.0f rows/s); first progress after %,d ms", done.rowsDone(),
				(generated - requested) / 1_000_000, done.rowsDone() / ((generated - requested) / 1e9),
				(firstProgress.get() > 0) ? (firstProgress.get() - requested) / 1_000_000 : -1);
		line("- files: CSV %,d bytes, PDF %,d bytes", done.csvBytes(), done.pdfBytes());
		line("- heap used before: %,d MiB; peak while generating: %,d MiB (+%,d MiB, garbage included)", baseline >> 20,
				peak.get() >> 20, (peak.get() - baseline) >> 20);
		line("- old generation after collections during the run (retained), highest: %,d MiB (%s)",
				oldAfterGc.get() >> 20, oldGen.getName());
		line("- max heap of this JVM: %,d MiB", Runtime.getRuntime().maxMemory() >> 20);
		for (ReportFormat format : ReportFormat.values()) {
			long downloadStarted = System.nanoTime();
			CountingStream counted = new CountingStream();
			TenantContext.callAs(tenant, () -> this.reports.download(report.id(), format, counted));
			line("- download %s: %,d bytes in %,d ms", format, counted.count, millisSince(downloadStarted));
		}
		line("- load average at end: %s", Files.readString(Path.of("/proc/loadavg")).trim());
		Path file = Path.of("target", "report-benchmark.md");
		Files.writeString(file, this.out);
		System.out.println(this.out);
	}

	private static long used() {
		return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
	}

	private static MemoryPoolMXBean oldGeneration() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old"))
			.findFirst()
			.orElseThrow();
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	private void line(String format, Object... args) {
		this.out.append(String.format(format, args)).append('\n');
	}

	private static final class CountingStream extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.count += length;
		}

	}

}
