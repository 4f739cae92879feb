package io.towerline.api.bench;

import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.sun.management.OperatingSystemMXBean;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.actor.Actor;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.session.OnlineSessionFilter;
import io.towerline.core.session.OnlineSessions;
import io.towerline.core.session.keys.SearchKeyMirrors;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.testsupport.SearchReadFigures;
import io.towerline.mikrotik.simulator.SimulatorFleet;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.towerline.core.testsupport.SearchReadFigures.percentileMillis;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9's fleet measurement: the platform's JVM, with the simulators in a process of
 * their own ({@code -Dbench.simulators=in-jvm} puts them back in this JVM), tracking
 * {@code bench.routers} simulated routers (1,000) with {@code bench.sessions} online
 * sessions each (200), 5 % churn an hour. Reports CPU, heap, PostgreSQL rows written per
 * second, the lag from a login on a router to the session being listed, the cost per
 * counter sample and the online-sessions text search over the whole fleet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "towerline.rate-limit.tiers.standard.capacity=1000000000000",
				"towerline.rate-limit.tiers.standard.restore-per-second=1000000000",
				"spring.datasource.hikari.maximum-pool-size=30", "towerline.test.track-sessions=true" })
@Import(RequestStatements.class)
class FleetBenchmark extends ApiTest {

	private static final int ROUTERS = Integer.getInteger("bench.routers", 1000);

	private static final int SESSIONS = Integer.getInteger("bench.sessions", 200);

	/**
	 * Whether the simulators run in a process of their own (the default) rather than in
	 * the platform's JVM, where they share its heap, collector and threads.
	 */
	private static final boolean SEPARATE = !"in-jvm".equals(System.getProperty("bench.simulators", "process"));

	private static final Duration STEADY = Duration.ofSeconds(Long.getLong("bench.steadySeconds", 180));

	private static final String SEARCH = "query($search: String) { onlineSessions(filter: {search: $search}, "
			+ "orderBy: USERNAME, first: 100) { totalCount totalCountCapped edges { node { id username address callerId } } } }";

	@Autowired
	Routers routers;

	@Autowired
	OnlineSessions sessions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchKeyMirrors mirrors;

	@LocalServerPort
	int port;

	@Test
	void measure() throws Exception {
		TenantId tenant = newTenant("fleet");
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long heapBefore = settledHeap(memory);
		// a tenth more secrets than sessions, so logins have someone to bring online
		int secrets = SESSIONS + Math.max(1, SESSIONS / 10);
		long started = System.nanoTime();
		try (BenchFleet fleet = startFleet(secrets)) {
			double fleetSeconds = (System.nanoTime() - started) / 1e9;
			long registering = System.nanoTime();
			List<Integer> ports = fleet.ports();
			TenantContext.runAs(tenant, () -> {
				for (int i = 0; i < ROUTERS; i++) {
					this.routers.create(RouterDetails.of(String.format(Locale.ROOT, "fleet-%04d", i), "127.0.0.1",
							ports.get(i), false, null, null, "api"), "router-pass", false,
							Actor.system("fleet-benchmark"));
				}
			});
			double registerSeconds = (System.nanoTime() - registering) / 1e9;
			long loading = System.nanoTime();
			// tokens live minutes and a fleet run takes longer: a fresh one per phase
			HttpGraphQlTester starter = as(TestTokens.forTenant(tenant.slug(), "VIEWER"));
			// a user searching while the fleet's trackers start: the queries must keep
			// answering
			List<Long> startSearches = Collections.synchronizedList(new ArrayList<>());
			AtomicBoolean starting = new AtomicBoolean(true);
			Thread searcher = Thread.ofPlatform().start(() -> {
				Random random = new Random(5);
				while (starting.get()) {
					long start = System.nanoTime();
					starter.document(SEARCH)
						.variable("search", String.format(Locale.ROOT, "b%04d", random.nextInt(SESSIONS / 10 + 1)))
						.execute()
						.path("onlineSessions.totalCount")
						.hasValue();
					startSearches.add(System.nanoTime() - start);
				}
			});
			try {
				await().atMost(Duration.ofMinutes(30))
					.pollInterval(Duration.ofSeconds(2))
					.until(() -> online(tenant) >= (long) (fleet.onlineSessions() * 0.99));
			}
			finally {
				starting.set(false);
				searcher.join();
			}
			double loadSeconds = (System.nanoTime() - loading) / 1e9;
			String loadDuringStart = loadAverage();

			// steady state
			long cpu0 = os.getProcessCpuTime();
			Duration routersCpu0 = routersCpu(fleet);
			long wall0 = System.nanoTime();
			long rows0 = rowsWritten();
			HttpGraphQlTester viewer = as(TestTokens.forTenant(tenant.slug(), "VIEWER"));
			List<Long> loginLags = loginLags(viewer, fleet, secrets, STEADY);
			long cpu1 = os.getProcessCpuTime();
			Duration routersCpu1 = routersCpu(fleet);
			long wall1 = System.nanoTime();
			long rows1 = rowsWritten();
			long heapSteady = settledHeap(memory);
			List<TimedSearch> timed = new ArrayList<>();
			Recording profile = profileSearches();
			String slowSearches;
			String tableSummary;
			RequestStatements.Snapshot beforeSearches = RequestStatements.snapshot();
			List<Long> searches;
			List<Long> substrings;
			try (DatabaseActivity activity = DatabaseActivity.start(tenant.schemaName())) {
				searches = searches(as(TestTokens.forTenant(tenant.slug(), "VIEWER")), false, activity, timed);
				substrings = searches(as(TestTokens.forTenant(tenant.slug(), "VIEWER")), true, activity, timed);
				profile.stop();
				Path recording = recordingFile();
				profile.dump(recording);
				profile.close();
				slowSearches = new SlowSearches(timed, activity.samples(), recording)
					.report(Runtime.getRuntime().availableProcessors());
				tableSummary = activity.tableSummary();
			}
			String searchStatements = RequestStatements.snapshot().perRequestSince(beforeSearches);
			String token = TestTokens.forTenant(tenant.slug(), "VIEWER");
			RequestStatements.Snapshot beforeHttp = RequestStatements.snapshot();
			List<Long> httpSearches = new ArrayList<>(SearchClient.run(this.port, token, 300, false, SESSIONS / 10));
			List<Long> httpSubstrings = new ArrayList<>(SearchClient.run(this.port, token, 300, true, SESSIONS / 10));
			String httpStatements = RequestStatements.snapshot().perRequestSince(beforeHttp);
			long online = online(tenant);
			String searchReads = SearchReadFigures.reads(this.sessions, tenant,
					List.of("sub000", "sub002", "b0012", "sub015", "sub", "10.64.0."),
					Path.of("target", "benchmarks", "fleet-search-plans.txt"));
			String loadAtEnd = loadAverage();

			double seconds = (wall1 - wall0) / 1e9;
			double cpuCores = (cpu1 - cpu0) / 1e9 / seconds;
			double rowsPerSecond = (rows1 - rows0) / seconds;
			double samplesPerSecond = online / 60.0;
			StringBuilder report = new StringBuilder("# Fleet benchmark\n\n");
			report.append(String.format(
					"%d simulated routers x %d sessions (%d online at the end), 5 %% churn an hour, daily traffic; "
							+ "%s (%d cores, max heap %d MiB, collectors %s)%n%n",
					ROUTERS, SESSIONS, online,
					SEPARATE ? "simulators in a process of their own (nice 19), the platform in this JVM"
							: "platform and simulators in one JVM",
					Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576,
					ManagementFactory.getGarbageCollectorMXBeans()
						.stream()
						.map(GarbageCollectorMXBean::getName)
						.collect(Collectors.joining(", "))));
			report.append(String.format(
					"Start: simulators %.1f s, registering the routers %.1f s, all sessions tracked after %.1f s%n%n",
					fleetSeconds, registerSeconds, loadSeconds));
			report.append(String.format(
					"Steady state over %.0f s: CPU %.2f cores (%.0f %% of the machine), heap after "
							+ "GC %.0f MiB (%.0f MiB before the fleet), PostgreSQL rows written %.0f/s%n%n",
					seconds, cpuCores, 100 * cpuCores / Runtime.getRuntime().availableProcessors(),
					heapSteady / 1048576.0, heapBefore / 1048576.0, rowsPerSecond));
			if (SEPARATE) {
				report.append(String.format("The simulators' process used %.2f cores meanwhile (not counted above)%n%n",
						routersCpu1.minus(routersCpu0).toNanos() / 1e9 / seconds));
			}
			report.append(String.format("Counter samples: %.0f/s expected at one per session a minute; CPU per "
					+ "sample at most %.0f µs (the whole process's CPU divided by samples: an upper bound), rows "
					+ "per sample at most %.2f%n%n", samplesPerSecond, cpuCores * 1e6 / samplesPerSecond,
					rowsPerSecond / samplesPerSecond));
			Collections.sort(loginLags);
			report.append(String.format(
					"Login on a router -> listed by GraphQL onlineSessions(filter: {search}) (polled every 20 ms), "
							+ "%d logins: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n%n",
					loginLags.size(), percentileMillis(loginLags, 0.5), percentileMillis(loginLags, 0.99),
					percentileMillis(loginLags, 1.0)));
			Collections.sort(searches);
			report.append(String.format(
					"onlineSessions(first: 100, orderBy: USERNAME) { totalCount edges } with a text filter over %d "
							+ "sessions, a user name's prefix `sub000` to `sub020` (`sub000` and `sub001` about "
							+ "90,000 matches each, `sub002` about 19,000, the rest none) (GraphQL over MockMvc, %d "
							+ "runs): p50 %.1f ms, p99 %.1f ms%n%n",
					online, searches.size(), percentileMillis(searches, 0.5), percentileMillis(searches, 0.99)));
			Collections.sort(substrings);
			report.append(String.format(
					"The same with a substring from the middle of user names (`b0012` and the like, `b0000` to "
							+ "`b0020`: about 9,000 matches each, so every one reads a page of 100), %d runs: "
							+ "p50 %.1f ms, p99 %.1f ms%n%n",
					substrings.size(), percentileMillis(substrings, 0.5), percentileMillis(substrings, 0.99)));
			Collections.sort(httpSearches);
			Collections.sort(httpSubstrings);
			report.append(String
				.format("The same searches from a client in a process of its own (HTTP POST /graphql over loopback, one "
						+ "kept-alive connection, after 200 searches to warm it up), %d runs each: prefix p50 %.1f ms, "
						+ "p99 %.1f ms; middle substring p50 %.1f ms, p99 %.1f ms%n%n", httpSearches.size(),
						percentileMillis(httpSearches, 0.5), percentileMillis(httpSearches, 0.99),
						percentileMillis(httpSubstrings, 0.5), percentileMillis(httpSubstrings, 0.99)));
			report
				.append("What one search sends to PostgreSQL, counted on the thread serving it (MockMvc runs; "
						+ "warm-up included in the HTTP runs):\n\n```\nMockMvc: ")
				.append(searchStatements)
				.append("HTTP:    ")
				.append(httpStatements)
				.append("```\n\n");
			report.append(this.mirrors.enabled() ? String.format(
					"Searches were answered from the search keys in memory (ADR 0245): %s sessions' keys held; the "
							+ "reads below are the database's search (POP and plan filters, search-memory=false)%n%n",
					this.mirrors.sizes().getOrDefault(tenant.schemaName(), 0))
					: "Searches were answered in PostgreSQL (towerline.sessions.search-memory=false)\n\n");
			report.append(searchReads);
			report.append(slowSearches).append(tableSummary);
			List<Long> duringStart = new ArrayList<>(startSearches);
			Collections.sort(duringStart);
			report.append(String.format(
					"Substring searches while the fleet's trackers started (back to back), %d runs: p50 %.1f ms, "
							+ "p99 %.1f ms, max %.1f ms%n%n",
					duringStart.size(), percentileMillis(duringStart, 0.5), percentileMillis(duringStart, 0.99),
					percentileMillis(duringStart, 1.0)));
			report.append(String.format(
					"Load average (1/5/15 min, %d cores): %s when all sessions were tracked, " + "%s at the end%n",
					Runtime.getRuntime().availableProcessors(), loadDuringStart, loadAtEnd));
			Path out = Path.of("target", "benchmarks", "fleet.md");
			Files.createDirectories(out.getParent());
			Files.writeString(out, report);
			System.out.println(report);
		}
	}

	/**
	 * A flight recording of the search phase: collector pauses, safepoint operations and
	 * CPU samples for the slow-search table, written where {@code -Dbench.jfr=<file>}
	 * says or to {@code target/benchmarks/fleet-search.jfr}
	 * ({@code jfr print --events jdk.ExecutionSample <file>}).
	 */
	private static Recording profileSearches() throws IOException, ParseException {
		Recording recording = new Recording(Configuration.getConfiguration("profile"));
		recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
		recording.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
		recording.enable("jdk.ExecuteVMOperation").withThreshold(Duration.ZERO);
		recording.start();
		return recording;
	}

	private static Path recordingFile() throws IOException {
		Path file = Path.of(System.getProperty("bench.jfr", "target/benchmarks/fleet-search.jfr"));
		Files.createDirectories(file.toAbsolutePath().getParent());
		return file;
	}

	private static BenchFleet startFleet(int secrets) {
		if (SEPARATE) {
			return SimulatorProcess.start(ROUTERS,
					List.of("--version", "7.19", "--user", "api", "--password", "router-pass", "--secrets",
							Integer.toString(secrets), "--online", Double.toString((double) SESSIONS / secrets),
							"--churn", "0.05", "--traffic", "daily", "--seed", "9"));
		}
		return BenchFleet.inProcess(SimulatorFleet.start(ROUTERS,
				(router) -> router.version(SimulatorVersion.V7_19)
					.user("api", "router-pass")
					.secrets(secrets)
					.onlineShare((double) SESSIONS / secrets)
					.churn(0.05)
					.traffic(true)
					.seed(9)));
	}

	private static Duration routersCpu(BenchFleet fleet) {
		return (fleet instanceof SimulatorProcess process) ? process.cpu() : Duration.ZERO;
	}

	private long online(TenantId tenant) {
		return TenantContext.callAs(tenant, () -> this.sessions.count(OnlineSessionFilter.ALL));
	}

	/**
	 * Brings an offline subscriber of a random router online about once a second and
	 * measures until the platform lists it.
	 */
	private List<Long> loginLags(HttpGraphQlTester viewer, BenchFleet fleet, int secrets, Duration duration) {
		Random random = new Random(7);
		List<Long> lags = new ArrayList<>();
		long until = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < until) {
			String name = String.format(Locale.ROOT, "sub%05d", 1 + random.nextInt(secrets));
			if (!fleet.connect(random.nextInt(ROUTERS), name)) {
				continue;
			}
			long loggedIn = System.nanoTime();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> viewer.document(SEARCH)
					.variable("search", name)
					.execute()
					.path("onlineSessions.edges[*].node.username")
					.entityList(String.class)
					.get()
					.contains(name));
			lags.add(System.nanoTime() - loggedIn);
			long next = loggedIn + Duration.ofSeconds(1).toNanos();
			await().atMost(Duration.ofSeconds(2)).until(() -> System.nanoTime() >= next);
		}
		return lags;
	}

	/**
	 * Prefixes of user names ({@code sub012}), or parts from their middle
	 * ({@code b0012}).
	 */
	private List<Long> searches(HttpGraphQlTester viewer, boolean middle, DatabaseActivity activity,
			List<TimedSearch> timed) {
		Random random = new Random(11);
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			String prefix = String.format(Locale.ROOT, middle ? "b%04d" : "sub%03d", random.nextInt(SESSIONS / 10 + 1));
			Map<Integer, Schedstat> backends = Schedstat.processes(activity.backends());
			Schedstat thread = Schedstat.currentThread();
			Instant at = Instant.now();
			long start = System.nanoTime();
			viewer.document(SEARCH).variable("search", prefix).execute().path("onlineSessions.totalCount").hasValue();
			long nanos = System.nanoTime() - start;
			timed.add(new TimedSearch(at, nanos, Schedstat.currentThread().minus(thread),
					Schedstat.change(backends, Schedstat.processes(backends.keySet()))));
			times.add(nanos);
		}
		return times;
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " / " + fields[1] + " / " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private long rowsWritten() {
		return this.jdbc.sql("SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_all_tables")
			.query(Long.class)
			.single();
	}

	private static long settledHeap(MemoryMXBean memory) {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
