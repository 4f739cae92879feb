package io.towerline.core.drift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.actor.Actor;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.awaitility.Awaitility.await;

/**
 * A drift check of a 10,000-secret router (simulated, same host), in the three states
 * that matter: nothing managed yet (10,000 UNMANAGED items), just imported (10,000
 * DIFFERENT items: the secrets lack the Towerline comment), and in line (no items).
 * Reports time and heap; asserts nothing about them. Run with
 * {@code ./mvnw -pl tenant-core -am -Pbenchmark test -Dtest=DriftCheckBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest
class DriftCheckBenchmark extends DatabaseTest {

	private static final int SECRETS = 10_000;

	private static final int RUNS = 3;

	@Autowired
	DriftChecks checks;

	@Autowired
	DriftResolutions resolutions;

	@Autowired
	RouterImports routerImports;

	@Autowired
	RouterOperations operations;

	@Autowired
	Routers routers;

	@Autowired
	TenantOnboarding onboarding;

	@Test
	void measure() {
		List<String> lines = new ArrayList<>();
		lines.add("# Drift check of a " + SECRETS + "-secret router");
		lines.add("");
		lines.add("| state | items | median ms | allocated on the checking thread (MB) | heap after GC (MB) |");
		lines.add("|---|---:|---:|---:|---:|");
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.secrets(SECRETS)
			.onlineShare(0)
			.start()) {
			TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("drift-bench"));
			this.onboarding.onboard(tenant.slug(), "Drift benchmark", RateLimitTier.STANDARD);
			UUID routerId = TenantContext.callAs(tenant,
					() -> this.routers
						.create(RouterDetails.of("big", "127.0.0.1", simulator.port(), false, null, null, "api"),
								"router-pass")
						.id());
			lines.add(measure(tenant, routerId, "nothing managed"));
			long started = System.nanoTime();
			RouterOperation importing = TenantContext.callAs(tenant,
					() -> this.routerImports.start(routerId, Actor.of("system:benchmark")));
			double requestMillis = (System.nanoTime() - started) / 1e6;
			await().atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> TenantContext.callAs(tenant, () -> this.operations.get(importing.id()).status())
					.isFinal());
			double importMillis = (System.nanoTime() - started) / 1e6;
			ImportResult imported = TenantContext.callAs(tenant, () -> this.routerImports.get(importing.id()));
			lines.add(measure(tenant, routerId, "just imported"));
			DriftReport report = TenantContext.callAs(tenant,
					() -> this.checks.check(routerId, Actor.of("system:benchmark")));
			TenantContext.callAs(tenant,
					() -> this.resolutions.resolve(
							new DriftResolutions.Request(report.id(), List.of(), true, DriftAction.PUSH, false),
							Actor.of("system:benchmark")));
			await().atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> TenantContext
					.callAs(tenant, () -> this.checks.check(routerId, Actor.of("system:benchmark")))
					.differentCount() == 0);
			lines.add(measure(tenant, routerId, "in line"));
			lines.add("");
			lines.add(String.format(
					"Import of the same router: the request returned its operation in %.0f ms; the operation "
							+ "finished after %.0f ms (%s), %d subscribers and %d plans created.",
					requestMillis, importMillis,
					TenantContext.callAs(tenant, () -> this.operations.get(importing.id()).status()),
					imported.subscribersCreated(), imported.createdPlanIds().size()));
			lines.add("");
			lines.add("Reproduce: `./mvnw -pl tenant-core -am -Pbenchmark test -Dtest=DriftCheckBenchmark "
					+ "-Dsurefire.failIfNoSpecifiedTests=false`");
		}
		write(lines);
	}

	private String measure(TenantId tenant, UUID routerId, String state) {
		long[] nanos = new long[RUNS];
		long[] allocated = new long[RUNS];
		int items = 0;
		for (int i = 0; i < RUNS; i++) {
			long allocatedBefore = allocatedBytes();
			long started = System.nanoTime();
			DriftReport report = inTenant(tenant, () -> this.checks.check(routerId, Actor.of("system:benchmark")));
			nanos[i] = System.nanoTime() - started;
			allocated[i] = allocatedBytes() - allocatedBefore;
			items = report.missingCount() + report.unmanagedCount() + report.differentCount();
		}
		System.gc();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		return String.format("| %s | %d | %.0f | %.1f | %.1f |", state, items, median(nanos) / 1e6,
				median(allocated) / 1e6, heap / 1e6);
	}

	private static long allocatedBytes() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static <T> T inTenant(TenantId tenant, Supplier<T> work) {
		return TenantContext.callAs(tenant, work);
	}

	private static void write(List<String> lines) {
		String text = String.join("\n", lines) + "\n";
		System.out.println(text);
		try {
			Path directory = Files.createDirectories(Path.of("target", "benchmarks"));
			Files.writeString(directory.resolve("drift-check.md"), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
