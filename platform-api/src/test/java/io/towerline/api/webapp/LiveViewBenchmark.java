package io.towerline.api.webapp;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorFleet;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.awaitility.Awaitility.await;

/**
 * Issue 13's browser measurement (not a test; only with {@code -Pbenchmark}): the "who is
 * online" table with {@code bench.sessions} sessions online (5,000) on
 * {@code bench.routers} simulated routers (5) in two POPs, with background logins and
 * logouts at {@code bench.churnPerHour} per session (36: about 50 logouts and 50 logins a
 * second at 5,000), and {@code bench.charts} subscribers (10) moving traffic for the
 * speed charts. The browser part is {@code web-client/e2e/measure-live.mjs}; the report
 * goes to {@code target/benchmarks/live-view.md}. Run with
 * {@code ./mvnw -o -Pbenchmark -pl platform-api -am verify -Dtest=LiveViewBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Dbench.minutes=10} for the ten minutes of heap: the table stays
 * open that long, the trace and the ten charts measured inside them, so the run ends
 * about {@code bench.minutes} after the table opens).
 */
class LiveViewBenchmark extends JourneyTest {

	private static final int ROUTERS = Integer.getInteger("bench.routers", 5);

	private static final int SESSIONS = Integer.getInteger("bench.sessions", 5000);

	private static final double CHURN = Double.parseDouble(System.getProperty("bench.churnPerHour", "36"));

	private static final int CHARTS = Integer.getInteger("bench.charts", 10);

	private static final int MINUTES = Integer.getInteger("bench.minutes", 3);

	/**
	 * How many nice steps every browser thread runs above its own value while the table
	 * is traced (ADR 0220): 10 stands for a browser on its own machine (it takes a core
	 * whenever it has work; the platform, its PostgreSQL and the simulators run in the
	 * time left); the same trace follows with the browser's own values. 0 traces only the
	 * shared machine.
	 */
	private static final int BROWSER_BOOST = Integer.getInteger("bench.browserBoost", 10);

	@Test
	void measureTheLiveTableAndTheSpeedCharts() throws Exception {
		TenantId tenant = newTenant("live-bench");
		HttpGraphQlTester admin = as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN")).mutate()
			.webTestClient((client) -> client.responseTimeout(Duration.ofSeconds(60)))
			.build();
		int perRouter = SESSIONS / ROUTERS;
		// a tenth more secrets than sessions, so logins have someone to bring online
		int secrets = perRouter + perRouter / 10;
		ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
		try (SimulatorFleet fleet = SimulatorFleet.start(ROUTERS,
				(builder) -> builder.version(SimulatorVersion.V7_19)
					.user("api", "router-pass")
					.recordCommands(false)
					.secrets(secrets)
					.onlineShare((double) perRouter / secrets)
					.churn(CHURN)
					.seed(13))) {
			List<String> pops = List.of(pop(admin, "North"), pop(admin, "South"));
			List<String> routerIds = new ArrayList<>();
			for (int i = 0; i < ROUTERS; i++) {
				routerIds.add(admin.documentName("createRouter")
					.variable("input",
							Map.of("name", String.format(Locale.ROOT, "edge-%02d", i + 1), "host", "127.0.0.1", "port",
									fleet.get(i).port(), "username", "api", "password", "router-pass", "popId",
									pops.get(i % pops.size())))
					.execute()
					.path("createRouter.router.id")
					.entity(String.class)
					.get());
			}
			String planId = admin.documentName("createPlan")
				.variable("input",
						Map.of("name", "Bench 50", "profileName", "bench-50", "downloadRate", "50M", "uploadRate",
								"10M"))
				.execute()
				.path("createPlan.plan.id")
				.entity(String.class)
				.get();
			RouterOsSimulator first = fleet.get(0);
			NetworkFixture network = new NetworkFixture(admin, first, routerIds.get(0), planId);
			List<String> speedIds = new ArrayList<>();
			List<String> speedNames = new ArrayList<>();
			for (int i = 1; i <= CHARTS; i++) {
				String name = String.format(Locale.ROOT, "speed-%02d", i);
				String[] created = network.createSubscriber(name, "speed-secret-" + i);
				network.awaitSucceeded(created[1]);
				first.connectSubscriber(name);
				speedIds.add(created[0]);
				speedNames.add(name);
			}
			// a periodic task that throws is never run again: nothing may escape it
			traffic.scheduleWithFixedDelay(() -> speedNames.forEach((name) -> {
				try {
					if (!first.onlineSubscribers().contains(name)) {
						first.connectSubscriber(name);
					}
					first.addTraffic(name, 60_000, 500_000, 80, 400);
				}
				catch (RuntimeException ex) {
					System.err.println("speed traffic for " + name + ": " + ex);
				}
			}), 200, 200, TimeUnit.MILLISECONDS);
			Credentials operator = newUser(tenant, "bench-live", "OPERATOR");
			await().atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> online(admin) >= SESSIONS * 0.95);

			double[] load = loadAverage();
			PlatformHeap heap = PlatformHeap.sampleEvery(Duration.ofSeconds(15));
			Map<?, ?> results;
			try {
				// the table for MINUTES, the trace and the charts inside them; a few
				// minutes
				// more for signing in and waiting for the sessions
				results = runJourney("measure-live.mjs",
						environment("LIVE_USER", operator.username(), "LIVE_PASS", operator.password(), "SPEED_IDS",
								String.join(",", speedIds), "MEASURE_MINUTES", String.valueOf(MINUTES),
								"MEASURE_SESSIONS", String.valueOf(SESSIONS), "MEASURE_BROWSER_BOOST",
								String.valueOf(BROWSER_BOOST)),
						Duration.ofMinutes(MINUTES + 6));
			}
			finally {
				heap.stop();
			}
			double[] loadAfter = loadAverage();
			report(results, heap, load, loadAfter, fleet.onlineSessions());
		}
		finally {
			traffic.shutdownNow();
		}
	}

	private static String pop(HttpGraphQlTester admin, String name) {
		return admin.documentName("createPop")
			.variable("input", Map.of("name", name, "address", name + " street 1"))
			.execute()
			.path("createPop.pop.id")
			.entity(String.class)
			.get();
	}

	private static long online(HttpGraphQlTester admin) {
		return admin.document("{ onlineSessions(first: 1) { totalCount } }")
			.execute()
			.path("onlineSessions.totalCount")
			.entity(Long.class)
			.get();
	}

	/**
	 * The platform's heap every {@code period} while the browser measures: used now, and
	 * what the last collection left in the heap pools (the part that would grow if
	 * something leaked), without forcing a collection.
	 */
	private static final class PlatformHeap {

		private final List<long[]> samples = new CopyOnWriteArrayList<>();

		private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

		static PlatformHeap sampleEvery(Duration period) {
			PlatformHeap heap = new PlatformHeap();
			heap.timer.scheduleAtFixedRate(heap::sample, 0, period.toMillis(), TimeUnit.MILLISECONDS);
			return heap;
		}

		private void sample() {
			long afterCollection = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				MemoryUsage usage = (pool.getType() == MemoryType.HEAP) ? pool.getCollectionUsage() : null;
				if (usage != null) {
					afterCollection += usage.getUsed();
				}
			}
			this.samples.add(
					new long[] { ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), afterCollection });
		}

		void stop() {
			this.timer.shutdownNow();
			sample();
		}

		String summary() {
			long[] first = this.samples.getFirst();
			long[] last = this.samples.getLast();
			long max = this.samples.stream().mapToLong((sample) -> sample[0]).max().orElse(0);
			return String.format(Locale.ROOT,
					"%d samples; used %.0f MiB at the start, %.0f MiB at the end, %.0f MiB at most; left after the"
							+ " last collection %.0f MiB at the start, %.0f MiB at the end",
					this.samples.size(), mib(first[0]), mib(last[0]), mib(max), mib(first[1]), mib(last[1]));
		}

		private static double mib(long bytes) {
			return bytes / 1048576.0;
		}

	}

	private static double[] loadAverage() throws Exception {
		String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
		return new double[] { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]) };
	}

	private static void report(Map<?, ?> results, PlatformHeap heap, double[] load, double[] loadAfter, int online)
			throws Exception {
		String json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(results);
		String report = String.format(Locale.ROOT,
				"""
								# Live view benchmark (issue 13)

								%d sessions online on %d simulated routers (simulators say %d), background churn %.0f per session-hour,
								%d speed-chart subscribers moving traffic; platform, simulators and Debian Chromium (headless) on one
								machine with %d cores. Load average (1 min, 5 min) before %.1f %.1f, after %.1f %.1f.

								The browser on its own machine (ADR 0220): `table` is traced with every Chromium thread %d nice steps
						above its own value (Chromium's display-critical threads keep their lead over its background ones) and
						the platform, its PostgreSQL and the simulators where they were, so the browser gets a core whenever it
						has work (`browserPriority` says what it ran at; without the right to raise it, it ran at its own).
						`tableShared` is the same trace with the browser's own values, sharing the machine's cores. A main frame
						over budget whose thread ran less than a frame's time of it (`mainFramesOverBudgetWaitingForCpu`)
						waited for a core; one that ran longer (`mainFramesOverBudgetOnCpu`) is the page's own work.

								Platform heap (this JVM: platform, simulators and test) while the browser measured: %s

								```json
								%s
								```
								""",
				SESSIONS, ROUTERS, online, CHURN, CHARTS, Runtime.getRuntime().availableProcessors(), load[0], load[1],
				loadAfter[0], loadAfter[1], BROWSER_BOOST, heap.summary(), json);
		Path out = Path.of("target", "benchmarks", "live-view.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
	}

}
