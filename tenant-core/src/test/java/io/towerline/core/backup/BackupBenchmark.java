package io.towerline.core.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.ScrollPosition;

import static org.awaitility.Awaitility.await;

/**
 * Backup of a 5 MB export (end to end through the operation, and the storage path alone
 * with the heap sampled after forced GCs while it streams), and the line diff of two
 * 20,000-line exports. Reports numbers; asserts nothing about them. Run with
 * {@code ./mvnw -pl tenant-core -am -Pbenchmark test -Dtest=BackupBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest
class BackupBenchmark extends DatabaseTest {

	private static final int RUNS = 3;

	@Autowired
	Backups backups;

	@Autowired
	BackupBlobs blobs;

	@Autowired
	BackupSchedule schedule;

	@Autowired
	RouterOperations operations;

	@Autowired
	Routers routers;

	@Autowired
	RouterAccess access;

	@Autowired
	TenantOnboarding onboarding;

	@Test
	void measure() {
		List<String> lines = new ArrayList<>();
		lines.add("# Backups");
		lines.add("");
		TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("backup-bench"));
		this.onboarding.onboard(tenant.slug(), "Backup benchmark", RateLimitTier.STANDARD);
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.secrets(75_000)
			.recordCommands(false)
			.start()) {
			UUID routerId = TenantContext.callAs(tenant,
					() -> this.routers
						.create(RouterDetails.of("big", "127.0.0.1", simulator.port(), false, null, null, "api"),
								"router-pass")
						.id());
			TenantContext.runAs(tenant, () -> this.schedule.change(false, Duration.ofDays(1), 30, 90, true, false,
					Actor.of("system:benchmark")));
			lines.add("## 5 MB export, end to end (BACKUP_ROUTER operation: /export, /file/read in 32 KB chunks, "
					+ "AES-GCM chunks into PostgreSQL, /file/remove)");
			lines.add("");
			lines.add("| run | export bytes | operation ms | changed |");
			lines.add("|---|---:|---:|---|");
			for (int run = 1; run <= RUNS; run++) {
				long started = System.nanoTime();
				RouterOperation operation = TenantContext.callAs(tenant,
						() -> this.backups.take(routerId, BackupKind.EXPORT, Actor.of("system:benchmark")));
				await().atMost(Duration.ofMinutes(5))
					.pollInterval(Duration.ofMillis(50))
					.until(() -> TenantContext.callAs(tenant, () -> this.operations.get(operation.id()).status())
						.isFinal());
				double millis = (System.nanoTime() - started) / 1e6;
				RouterBackup backup = TenantContext.callAs(tenant,
						() -> this.backups.list(routerId, BackupKind.EXPORT, ScrollPosition.keyset(), 1)
							.getContent()
							.get(0));
				OperationStatus status = TenantContext.callAs(tenant,
						() -> this.operations.get(operation.id()).status());
				lines.add(String.format(Locale.ROOT, "| %d | %d | %.0f | %s (%s) |", run, backup.size(), millis,
						backup.changed(), status));
			}
			lines.add("");
			lines.add(storageHeap(tenant, routerId, simulator));
		}
		lines.add("");
		// the first round warms the JIT up and is not reported
		diffs();
		lines.add(diffs());
		lines.add("");
		lines.add("Reproduce: `./mvnw -pl tenant-core -am -Pbenchmark test -Dtest=BackupBenchmark "
				+ "-Dsurefire.failIfNoSpecifiedTests=false`");
		write(lines);
	}

	/**
	 * Streams the simulator's 5 MB file through the storage path and samples the heap
	 * after a forced GC every 512 KB: what the backup retains while it runs, against what
	 * was retained before it started.
	 */
	private String storageHeap(TenantId tenant, UUID routerId, RouterOsSimulator simulator) {
		byte[] export = exportLike(75_000, 0, new Random(3)).getBytes(StandardCharsets.UTF_8);
		simulator.putFile("bench.rsc", "script", export);
		RouterClient client = TenantContext.callAs(tenant, () -> this.access.client(this.routers.get(routerId)));
		long baseline = retainedHeap();
		long[] peak = { 0 };
		long[] sinceSample = { 0 };
		long started = System.nanoTime();
		BackupBlobs.Written written = TenantContext.callAs(tenant, () -> this.blobs.write(routerId, BackupKind.EXPORT,
				null, (out) -> client.files().readTo("bench.rsc", new OutputStream() {

					@Override
					public void write(int b) {
						throw new UnsupportedOperationException();
					}

					@Override
					public void write(byte[] bytes, int offset, int length) {
						try {
							out.write(bytes, offset, length);
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
						sinceSample[0] += length;
						if (sinceSample[0] >= 512 * 1024) {
							sinceSample[0] = 0;
							peak[0] = Math.max(peak[0], retainedHeap() - baseline);
						}
					}

				})));
		double millis = (System.nanoTime() - started) / 1e6;
		TenantContext.runAs(tenant, () -> this.blobs.delete(written.id()));
		return String.format(Locale.ROOT,
				"## 5 MB export, storage path alone%n%n%d bytes streamed from the simulator into %d-byte encrypted "
						+ "chunks in %.0f ms (with a forced GC every 512 KB). Most heap retained above the baseline "
						+ "while streaming, sampled after each GC: **%.2f MB** (the file is %.2f MB).",
				written.size(), 256 * 1024, millis, peak[0] / 1e6, export.length / 1e6);
	}

	private String diffs() {
		List<String> out = new ArrayList<>();
		out.add("## Line diff of two 20,000-line exports");
		out.add("");
		out.add("| changed lines | edits found | median ms (LineDiff) | median ms (with hunks) |");
		out.add("|---:|---:|---:|---:|");
		for (int changes : new int[] { 0, 20, 200, 2_000, 10_000 }) {
			Random random = new Random(changes);
			List<String> from = List.of(exportLike(20_000, 0, random).split("\r\n"));
			List<String> to = List.of(exportLike(20_000, changes, new Random(changes)).split("\r\n"));
			long[] nanos = new long[5];
			long[] withHunks = new long[5];
			int edits = 0;
			for (int i = 0; i < nanos.length; i++) {
				long started = System.nanoTime();
				List<LineDiff.Edit> script = LineDiff.edits(from, to);
				nanos[i] = System.nanoTime() - started;
				BackupDiff.of(null, null, from, to, script, Integer.MAX_VALUE);
				withHunks[i] = System.nanoTime() - started;
				edits = (int) script.stream().filter((edit) -> edit.op() != LineDiff.Op.SAME).count();
			}
			out.add(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f |", changes, edits, median(nanos) / 1e6,
					median(withHunks) / 1e6));
		}
		return String.join("\n", out);
	}

	/**
	 * An export-shaped script of {@code secrets} lines; {@code changes} of them differ (a
	 * third changed in place, a third removed, a third added).
	 */
	private static String exportLike(int secrets, int changes, Random random) {
		boolean[] touched = new boolean[secrets];
		for (int i = 0; i < changes; i++) {
			touched[random.nextInt(secrets)] = true;
		}
		StringBuilder script = new StringBuilder(secrets * 72);
		script.append("# 2026-01-01 00:00:00 by RouterOS 7.19\r\n/ppp secret\r\n");
		for (int i = 1; i <= secrets; i++) {
			String line = String.format(Locale.ROOT, "add name=sub%05d password=pw-%06x profile=plan-%dM service=pppoe",
					i, (i * 7919) & 0xFFFFFF, 10 * (1 + i % 3));
			if (touched[i - 1]) {
				switch (i % 3) {
					case 0 -> script.append(line.replace("service=pppoe", "service=any")).append("\r\n");
					case 1 -> {
						// removed
					}
					default -> script.append(line).append("\r\nadd name=new").append(i).append(" service=pppoe\r\n");
				}
			}
			else {
				script.append(line).append("\r\n");
			}
		}
		return script.toString();
	}

	private static long retainedHeap() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static void write(List<String> lines) {
		String text = String.join("\n", lines) + "\n";
		System.out.println(text);
		try {
			Path directory = Files.createDirectories(Path.of("target", "benchmarks"));
			Files.writeString(directory.resolve("backup.md"), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
