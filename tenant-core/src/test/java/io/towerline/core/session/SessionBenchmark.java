package io.towerline.core.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.core.usage.Counters;
import io.towerline.core.usage.UsageDelta;
import io.towerline.core.usage.UsageRecorder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The session queries and the accounting writes at fleet size, in one tenant: 200,000
 * online sessions on 1,000 routers; {@code onlineSessions(first: 100)} with a text filter
 * (user name, IP and MAC prefixes, and a prefix matching everything), its count, and one
 * router's sample of 200 sessions (counters and usage in one transaction). Reports
 * latencies and rates; asserts nothing about them. Run with
 * {@code ./mvnw -pl tenant-core -am -Pbenchmark test -Dtest=SessionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest
class SessionBenchmark extends DatabaseTest {

	private static final int ROUTERS = 1_000;

	private static final int PER_ROUTER = 200;

	private static final int QUERIES = 300;

	@Autowired
	SessionStore store;

	@Autowired
	OnlineSessions online;

	@Autowired
	UsageRecorder usage;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measure() {
		TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("sessbench"));
		this.onboarding.onboard(tenant.slug(), "Session benchmark", RateLimitTier.ENTERPRISE);
		System.out.printf(Locale.ROOT, "pg_trgm available in the embedded PostgreSQL: %s (%s)%n",
				this.jdbc.sql("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")
					.query(Long.class)
					.single() > 0,
				this.jdbc.sql("SELECT version()").query(String.class).single());
		Random random = new Random(9);
		List<UUID> routers = new ArrayList<>();
		List<List<OnlineSession>> byRouter = new ArrayList<>();
		Instant now = Instant.now();
		long insertStart = System.nanoTime();
		TenantContext.runAs(tenant, () -> {
			for (int r = 0; r < ROUTERS; r++) {
				UUID router = UUID.randomUUID();
				routers.add(router);
				List<OnlineSession> sessions = new ArrayList<>(PER_ROUTER);
				for (int s = 0; s < PER_ROUTER; s++) {
					int n = r * PER_ROUTER + s;
					sessions.add(new OnlineSession(UUID.randomUUID(), router, "*" + Integer.toHexString(s + 1),
							String.format(Locale.ROOT, "user%06d", n), null,
							String.format(Locale.ROOT, "10.%d.%d.%d", n >> 16, (n >> 8) & 0xFF, n & 0xFF),
							String.format(Locale.ROOT, "02:00:%02X:%02X:%02X:%02X", random.nextInt(256),
									random.nextInt(256), random.nextInt(256), random.nextInt(256)),
							"pppoe", "0x8100" + Integer.toHexString(n), now.minusSeconds(random.nextInt(604_800)), now,
							Counters.ZERO, null));
				}
				byRouter.add(sessions);
				this.transactions.executeWithoutResult((tx) -> this.store.insert(sessions));
			}
		});
		double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
		System.out.printf(Locale.ROOT, "inserted %,d online sessions in %.1f s (%,.0f rows/s, batches of %d)%n",
				ROUTERS * PER_ROUTER, insertSeconds, ROUTERS * PER_ROUTER / insertSeconds, PER_ROUTER);
		// let the bulk load settle (vacuum, checkpoint) so the first reports do not pay
		// for it
		this.jdbc.sql("VACUUM ANALYZE " + tenant.schemaName() + ".online_session").update();
		this.jdbc.sql("CHECKPOINT").update();

		String explain = "EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM " + tenant.schemaName()
				+ ".online_session WHERE ((lower(username) ~>=~ 'user1234' AND lower(username) ~<~ 'user1235')"
				+ " OR (address ~>=~ 'user1234' AND address ~<~ 'user1235') OR (lower(caller_id) ~>=~ 'user1234'"
				+ " AND lower(caller_id) ~<~ 'user1235')) ORDER BY login_at DESC, id DESC LIMIT 101";
		this.jdbc.sql(explain).query(String.class).list().forEach(System.out::println);
		TenantContext.runAs(tenant, () -> {
			report("list, user name prefix (~100 matches)",
					() -> this.online.list(filter(String.format(Locale.ROOT, "USER%04d", random.nextInt(2_000))),
							OnlineSessionOrder.LOGIN_NEWEST, null, 101));
			report("list, IP prefix (~256 matches)",
					() -> this.online.list(
							filter(String.format(Locale.ROOT, "10.%d.%d.", random.nextInt(3), random.nextInt(256))),
							OnlineSessionOrder.LOGIN_NEWEST, null, 101));
			report("list, MAC prefix",
					() -> this.online.list(filter(String.format(Locale.ROOT, "02:00:%02x", random.nextInt(256))),
							OnlineSessionOrder.LOGIN_NEWEST, null, 101));
			// substrings from the middle (ADR 0133): trigram indexes
			report("list, middle of user names (`er0123`, ~100 matches)",
					() -> this.online.list(filter(String.format(Locale.ROOT, "er%04d", random.nextInt(2_000))),
							OnlineSessionOrder.LOGIN_NEWEST, null, 101));
			report("list, middle of user names (`r01234`, ~10 matches)",
					() -> this.online.list(filter(String.format(Locale.ROOT, "r%05d", random.nextInt(20_000))),
							OnlineSessionOrder.LOGIN_NEWEST, null, 101));
			report("list, end of IP addresses (`.17.42`)",
					() -> this.online.list(
							filter(String.format(Locale.ROOT, ".%d.%d", random.nextInt(256), random.nextInt(256))),
							OnlineSessionOrder.LOGIN_NEWEST, null, 101));
			report("list, middle of MACs (`a1:b2`)",
					() -> this.online.list(
							filter(String.format(Locale.ROOT, "%02x:%02x", random.nextInt(256), random.nextInt(256))),
							OnlineSessionOrder.LOGIN_NEWEST, null, 101));
			report("list, substring matching all 200,000 (`ser`)",
					() -> this.online.list(filter("ser"), OnlineSessionOrder.LOGIN_NEWEST, null, 101));
			report("list, prefix matching all 200,000",
					() -> this.online.list(filter("user"), OnlineSessionOrder.LOGIN_NEWEST, null, 101));
			report("list, no filter, by user name",
					() -> this.online.list(OnlineSessionFilter.ALL, OnlineSessionOrder.USERNAME, null, 101));
			report("list, one router",
					() -> this.online.list(OnlineSessionFilter.ofRouter(routers.get(random.nextInt(ROUTERS))),
							OnlineSessionOrder.LOGIN_NEWEST, null, 101));
			report("totalCount, user name prefix",
					() -> this.online.count(filter(String.format(Locale.ROOT, "user%04d", random.nextInt(2_000)))));
			report("totalCount, whole tenant", () -> this.online.count(OnlineSessionFilter.ALL));
			report("list, user name prefix, second pass",
					() -> this.online.list(filter(String.format(Locale.ROOT, "user%04d", random.nextInt(2_000))),
							OnlineSessionOrder.LOGIN_NEWEST, null, 101));
			report("list, IP prefix, second pass",
					() -> this.online.list(
							filter(String.format(Locale.ROOT, "10.%d.%d.", random.nextInt(3), random.nextInt(256))),
							OnlineSessionOrder.LOGIN_NEWEST, null, 101));

			// one router's sample: 200 sessions' counters and usage, one transaction
			long[] nanos = new long[QUERIES];
			for (int i = 0; i < QUERIES; i++) {
				List<OnlineSession> sessions = byRouter.get(random.nextInt(ROUTERS));
				Instant at = Instant.now();
				List<OnlineSession> sampled = new ArrayList<>(PER_ROUTER);
				List<UsageDelta> deltas = new ArrayList<>(PER_ROUTER);
				for (OnlineSession session : sessions) {
					Counters reading = new Counters(random.nextInt(1 << 30), random.nextInt(1 << 30), 1000, 2000);
					sampled.add(session.withCounters(reading, at));
					deltas.add(new UsageDelta(session.routerId(), session.username(), null, null, reading));
				}
				long start = System.nanoTime();
				this.transactions.executeWithoutResult((tx) -> {
					this.store.updateCounters(sampled, at);
					this.usage.record(at, deltas);
				});
				nanos[i] = System.nanoTime() - start;
			}
			Arrays.sort(nanos);
			double p50 = nanos[QUERIES / 2] / 1e6;
			System.out.printf(Locale.ROOT,
					"sample of %d sessions (counters + usage): p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
							+ "%.0f µs per session sample at p50; %,.0f rows written/s on one connection%n",
					PER_ROUTER, p50, nanos[QUERIES * 99 / 100] / 1e6, nanos[QUERIES - 1] / 1e6, p50 * 1000 / PER_ROUTER,
					2 * PER_ROUTER / (p50 / 1000));
		});
	}

	private static OnlineSessionFilter filter(String text) {
		return new OnlineSessionFilter(null, null, null, null, text);
	}

	private static void report(String what, Supplier<?> query) {
		for (int i = 0; i < 20; i++) {
			query.get();
		}
		long[] nanos = new long[QUERIES];
		for (int i = 0; i < QUERIES; i++) {
			long start = System.nanoTime();
			query.get();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf(Locale.ROOT, "%-40s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms (%d runs)%n", what,
				nanos[QUERIES / 2] / 1e6, nanos[QUERIES * 99 / 100] / 1e6, nanos[QUERIES - 1] / 1e6, QUERIES);
	}

}
