package io.towerline.core.session;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import io.towerline.core.session.keys.SearchKeyMirrors;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.SearchReadFigures;
import io.towerline.core.usage.Counters;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The online-sessions search on FleetBenchmark's data shape without the fleet: 1,000
 * routers whose 200 online sessions each come from the same 220 user names
 * ({@code sub00001}…), so a broad text ({@code sub000}) matches ~90,000 sessions and a
 * narrow one none. Prints what PostgreSQL reads for each search (plans, rows, buffers),
 * numbers that do not depend on the machine's load. Run with
 * {@code ./mvnw -o -pl tenant-core -am -Pbenchmark test -Dtest=OnlineSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest
class OnlineSearchBenchmark extends DatabaseTest {

	private static final int ROUTERS = Integer.getInteger("bench.routers", 1000);

	private static final int SESSIONS = Integer.getInteger("bench.sessions", 200);

	@Autowired
	SessionStore store;

	@Autowired
	OnlineSessions online;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TestOnlineSessions sessions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchKeyMirrors mirrors;

	@Test
	void measure() {
		TenantId tenant = this.sessions.tenant("searchbench", RateLimitTier.ENTERPRISE);
		Random random = new Random(9);
		int secrets = SESSIONS + Math.max(1, SESSIONS / 10);
		Instant now = Instant.now();
		TenantContext.runAs(tenant, () -> {
			for (int r = 0; r < ROUTERS; r++) {
				UUID router = UUID.randomUUID();
				List<Integer> names = new ArrayList<>();
				for (int n = 1; n <= secrets; n++) {
					names.add(n);
				}
				Collections.shuffle(names, random);
				List<OnlineSession> sessions = new ArrayList<>(SESSIONS);
				for (int s = 0; s < SESSIONS; s++) {
					String name = String.format(Locale.ROOT, "sub%05d", names.get(s));
					sessions.add(new OnlineSession(UUID.randomUUID(), router, "*" + Integer.toHexString(s + 1), name,
							null, "10." + (64 + s / (253 * 256)) + "." + ((s / 253) % 256) + "." + (2 + s % 253),
							mac(name).toUpperCase(Locale.ROOT), "pppoe", "0x8100" + Integer.toHexString(s),
							now.minusSeconds(random.nextInt(604_800)), now, Counters.ZERO, null));
				}
				this.transactions.executeWithoutResult((tx) -> this.store.insert(sessions));
			}
		});
		this.jdbc.sql("VACUUM ANALYZE " + tenant.schemaName() + ".online_session").update();
		this.jdbc.sql("VACUUM ANALYZE " + tenant.schemaName() + ".online_session_key").update();
		String mac = mac("sub00042");
		// the same service searching in the database only (ADR 0245 compares)
		OnlineSessions database = this.sessions.inDatabase();
		long heapBefore = settledHeap();
		long loading = System.nanoTime();
		TenantContext.runAs(tenant, () -> this.online.page(new OnlineSessionFilter(null, null, null, null, "zzz"),
				OnlineSessionOrder.USERNAME, null, 101));
		double loadMillis = (System.nanoTime() - loading) / 1e6;
		long heapAfter = settledHeap();
		int kept = this.mirrors.sizes().getOrDefault(tenant.schemaName(), 0);
		System.out.printf(Locale.ROOT,
				"Search keys in memory: %d sessions read in %.0f ms, heap %+.1f MiB (%.0f bytes a session)%n", kept,
				loadMillis, (heapAfter - heapBefore) / 1048576.0,
				(heapAfter - heapBefore) / (double) Math.max(1, kept));
		StringBuilder summary = new StringBuilder(
				"| search | order | statements | buffers | database p50 / p99 | memory p50 / p99 |\n|---|---|---|---|---|---|\n");
		TenantContext.runAs(tenant, () -> {
			// prefix (under three characters), broad, mid-sized and narrow substrings,
			// one
			// from the middle of names, none, an IP address part and MACs
			for (String text : List.of("su", "sub000", "sub002", "b0012", "sub00042", "sub010", "10.64.0.", "10.64",
					"02:00", mac)) {
				for (OnlineSessionOrder order : OnlineSessionOrder.values()) {
					OnlineSessionFilter filter = new OnlineSessionFilter(null, null, null, null, text);
					System.out.println("=== search '" + text + "' " + order);
					List<String> plans = this.online.explain(filter, order, 101);
					plans.forEach(System.out::println);
					long[] stored = new long[100];
					long[] memory = new long[100];
					// alternated, so both see the same machine
					for (int i = 0; i < stored.length; i++) {
						stored[i] = timed(
								() -> this.transactions.execute((tx) -> pageAndCount(database, filter, order)));
						memory[i] = timed(() -> pageAndCount(this.online, filter, order));
					}
					Arrays.sort(stored);
					Arrays.sort(memory);
					System.out.printf(Locale.ROOT,
							"page and count: database p50 %.1f ms, p99 %.1f ms; memory p50 %.1f ms, p99 %.1f ms%n",
							stored[50] / 1e6, stored[98] / 1e6, memory[50] / 1e6, memory[98] / 1e6);
					summary.append(
							String.format(Locale.ROOT, "| `%s` | %s | %d | %,d | %.1f / %.1f ms | %.1f / %.1f ms |%n",
									text, order, SearchReadFigures.statements(plans), SearchReadFigures.buffers(plans),
									stored[50] / 1e6, stored[98] / 1e6, memory[50] / 1e6, memory[98] / 1e6));
				}
			}
		});
		System.out.println("What one search reads (first page of 101 and its count, shared buffers of 8 KiB):");
		System.out.println(summary);
	}

	private static long timed(Runnable search) {
		long start = System.nanoTime();
		search.run();
		return System.nanoTime() - start;
	}

	private static Object pageAndCount(OnlineSessions sessions, OnlineSessionFilter filter, OnlineSessionOrder order) {
		OnlineSessions.Page page = sessions.page(filter, order, null, 101);
		return (page.matches() == null) ? sessions.countUpTo(filter) : page.matches();
	}

	private static long settledHeap() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	/** The MAC this benchmark gives the user name's sessions. */
	private static String mac(String name) {
		int seed = name.hashCode();
		return String.format(Locale.ROOT, "02:00:%02x:%02x:%02x:%02x", (seed >> 24) & 0xFF, (seed >> 16) & 0xFF,
				(seed >> 8) & 0xFF, seed & 0xFF);
	}

}
