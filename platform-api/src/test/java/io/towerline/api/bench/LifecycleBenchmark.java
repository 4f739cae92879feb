package io.towerline.api.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TableActivity;
import io.towerline.api.support.TableActivity.Measured;
import io.towerline.api.support.TestTokens;
import io.towerline.core.lifecycle.LifecycleEvaluation;
import io.towerline.core.notification.MessageStatus;
import io.towerline.core.notification.NotificationSender;
import io.towerline.core.notification.Outbox;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 10's measurements: a full lifecycle evaluation of 100,000 subscribers of one
 * tenant, the same evaluation when nothing is due, many small tenants, and e-mails
 * delivered per second to the in-process SMTP server. The scheduled evaluation and sender
 * are slowed down so only the benchmark works. Database load is read from
 * {@code pg_stat_database} (rows read and written) around each step, and for passes over
 * many tenants and passes with nothing due from each pass's own transaction
 * ({@link TableActivity}), which load and background tasks do not change.
 */
@SpringBootTest
class LifecycleBenchmark extends ApiTest {

	/** Registered after the base class's, so these win over the test defaults. */
	@DynamicPropertySource
	static void benchmarkProperties(DynamicPropertyRegistry registry) {
		registry.add("towerline.lifecycle.interval", () -> "1h");
		registry.add("towerline.lifecycle.batch-size", () -> "1000");
		registry.add("towerline.notification.send-interval", () -> "1h");
		registry.add("towerline.notification.batch-size", () -> "200");
	}

	/** Tenants whose idle pass is counted by its own transaction's statistics. */
	private static final int COUNTED_TENANTS = 50;

	private static final int BIG = Integer.getInteger("bench.subscribers", 100_000);

	private static final int TENANTS = Integer.getInteger("bench.tenants", 100);

	private static final int PER_TENANT = 100;

	private static final int MAILS = Integer.getInteger("bench.mails", 5_000);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LifecycleEvaluation evaluation;

	@Autowired
	NotificationSender sender;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	private final StringBuilder report = new StringBuilder("# Lifecycle and notification benchmark\n\n");

	@Test
	void measure() throws Exception {
		TenantId big = newTenant("bench-life");
		HttpGraphQlTester admin = as(TestTokens.forTenant(big.slug(), "TENANT_ADMIN"));
		NetworkFixture network = NetworkFixture.create(admin, "bench-life-1");
		String grace = createPlan(admin);
		setPolicy(admin, grace);
		long inserted = insertSubscribers(big, network, BIG, "b");
		line("%d subscribers of one tenant, expiries spread over the next 365 days, notices 7/3/1, grace 3 days",
				inserted);

		Instant now = Instant.now();
		measureEvaluation(big, now, "first full evaluation (every row new: all due)");
		measureIdle(big, now, "second evaluation at the same moment (nothing due)");
		Instant tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC);
		measureEvaluation(big, tomorrow, "next day at the action hour (only that day's steps due)");
		measureIdle(big, tomorrow, "again at the same moment (nothing due)");
		network.close();

		measureTenants();
		measureMail(big);

		Path file = Path.of("target", "lifecycle-benchmark.md");
		Files.writeString(file, this.report);
		System.out.println(this.report);
	}

	private void measureEvaluation(TenantId tenant, Instant now, String what) {
		Map<String, Long> before = databaseLoad();
		long start = System.nanoTime();
		int looked = TenantContext.callAs(tenant, () -> this.evaluation.evaluateDue(now));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		Map<String, Long> after = databaseLoad();
		line("- %s: %d subscribers looked at in %d ms; database rows read %d, inserted %d, updated %d", what, looked,
				took.toMillis(), delta(before, after, "read"), delta(before, after, "inserted"),
				delta(before, after, "updated"));
	}

	/**
	 * A pass with nothing due, counted by PostgreSQL for its own transaction: what the
	 * database-wide counters cannot separate from scheduled tasks and from statistics of
	 * earlier work flushed late (up to 10 s), which inflated earlier figures.
	 */
	private void measureIdle(TenantId tenant, Instant now, String what) {
		long start = System.nanoTime();
		int looked = TenantContext.callAs(tenant, () -> this.evaluation.evaluateDue(now));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		Measured<Integer> pass = TableActivity.measure(this.transactions, this.jdbc, tenant,
				() -> this.evaluation.evaluateDue(now));
		line("- %s: %d subscribers looked at in %d ms; counted by a second such pass's own transaction: %d"
				+ " looked at, %d scans of the tenant's tables, %d rows read, %d rows written", what, looked,
				took.toMillis(), pass.result(), pass.activity().scans(), pass.activity().rowsRead(),
				pass.activity().rowsWritten());
	}

	private void measureTenants() {
		List<TenantId> tenants = new ArrayList<>();
		long onboarding = System.nanoTime();
		for (int i = 0; i < TENANTS; i++) {
			TenantId tenant = newTenant("bench-many");
			HttpGraphQlTester admin = as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN"));
			String router = this.jdbc.sql("INSERT INTO " + tenant.schemaName() + ".router (id, name, host, port,"
					+ " api_ssl, username, credential_ref, status, created_at, updated_at) VALUES (gen_random_uuid(), 'r', "
					+ "'127.0.0.1', 1, false, 'api', 'none', 'UNREACHABLE', now(), now()) RETURNING id")
				.query(UUID.class)
				.single()
				.toString();
			String plan = createPlan(admin);
			setPolicy(admin, plan);
			insertSubscribers(tenant, new NetworkFixture(admin, null, router, plan), PER_TENANT, "m");
			tenants.add(tenant);
		}
		line("%n%d tenants of %d subscribers set up in %d s", TENANTS, PER_TENANT,
				Duration.ofNanos(System.nanoTime() - onboarding).toSeconds());
		Instant now = Instant.now();
		for (String what : List.of("first full evaluation of every tenant", "again (nothing due)")) {
			Map<String, Long> before = databaseLoad();
			long start = System.nanoTime();
			long looked = 0;
			for (TenantId tenant : tenants) {
				looked += TenantContext.callAs(tenant, () -> this.evaluation.evaluateDue(now));
			}
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			Map<String, Long> after = databaseLoad();
			line("- %s: %d subscribers in %d ms (%.1f ms per tenant); whole database (with scheduled tasks and"
					+ " statistics of earlier work flushed late): rows read %d, updated %d", what, looked,
					took.toMillis(), (double) took.toMillis() / TENANTS, delta(before, after, "read"),
					delta(before, after, "updated"));
		}
		// counted apart from the timed passes: reading the counters costs more than an
		// idle pass
		long looked = 0;
		long scans = 0;
		long read = 0;
		long written = 0;
		// a sample: reading the statistics views costs ~1 s at 1,000 schemas, and one
		// idle
		// pass is the same as the next
		List<TenantId> sample = tenants.subList(0, Math.min(tenants.size(), COUNTED_TENANTS));
		for (TenantId tenant : sample) {
			Measured<Integer> pass = TableActivity.measure(this.transactions, this.jdbc, tenant,
					() -> this.evaluation.evaluateDue(now));
			looked += pass.result();
			scans += pass.activity().scans();
			read += pass.activity().rowsRead();
			written += pass.activity().rowsWritten();
		}
		line("- again (nothing due), counted by each pass's own transaction: %d subscribers; %d scans of tenant"
				+ " tables, %d rows read, %d rows written, over %d tenants", looked, scans, read, written,
				sample.size());
	}

	private void measureMail(TenantId tenant) {
		TenantContext.runAs(tenant,
				() -> this.jdbc
					.sql("DELETE FROM " + tenant.schemaName() + ".notification_outbox WHERE status = 'QUEUED'")
					.update());
		this.jdbc.sql("INSERT INTO " + tenant.schemaName() + ".notification_outbox (id, channel, event_id, event_type,"
				+ " recipient, subject, body, status, attempts, created_at, next_attempt_at) SELECT gen_random_uuid(),"
				+ " 'EMAIL', gen_random_uuid(), 'lifecycle.notice_due', 'm' || g || '@example.net', 'Notice ' || g,"
				+ " 'Your subscription ends soon. Message ' || g, 'QUEUED', 0, now(), now()"
				+ " FROM generate_series(1, :n) g")
			.param("n", MAILS)
			.update();
		long sentBefore = TenantContext.callAs(tenant, () -> this.outbox.count(MessageStatus.SENT));
		long start = System.nanoTime();
		long queued;
		do {
			TenantContext.runAs(tenant, () -> this.sender.sendDue(Instant.now().plusSeconds(1)));
			queued = TenantContext.callAs(tenant, () -> this.outbox.count(MessageStatus.QUEUED));
		}
		while (queued > 0);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		long sent = TenantContext.callAs(tenant, () -> this.outbox.count(MessageStatus.SENT)) - sentBefore;
		line("%nE-mail to the in-process SMTP server (GreenMail, loopback, batches of 200 on one connection):"
				+ " %d sent in %d ms: %.0f messages/s", sent, took.toMillis(),
				sent * 1000.0 / Math.max(1, took.toMillis()));
	}

	private long insertSubscribers(TenantId tenant, NetworkFixture network, int count, String prefix) {
		return this.jdbc.sql("INSERT INTO " + tenant.schemaName() + ".subscriber (id, username, credential_ref,"
				+ " plan_id, router_id, status, full_name, email, expires_on, deleting, created_at, updated_at, version)"
				+ " SELECT gen_random_uuid(), :prefix || g, 'bench', :plan, :router, 'ACTIVE', 'Bench ' || g,"
				+ " :prefix || g || '@example.net', current_date + 1 + (g % 365), false, now(), now(), 0"
				+ " FROM generate_series(1, :n) g")
			.param("prefix", prefix)
			.param("plan", UUID.fromString(network.planId()))
			.param("router", UUID.fromString(network.routerId()))
			.param("n", count)
			.update();
	}

	private Map<String, Long> databaseLoad() {
		return this.jdbc
			.sql("SELECT tup_returned + tup_fetched AS read, tup_inserted AS inserted,"
					+ " tup_updated AS updated FROM pg_stat_database WHERE datname = current_database()")
			.query((row, n) -> Map.of("read", row.getLong("read"), "inserted", row.getLong("inserted"), "updated",
					row.getLong("updated")))
			.single();
	}

	private static long delta(Map<String, Long> before, Map<String, Long> after, String key) {
		return after.get(key) - before.get(key);
	}

	private void line(String format, Object... args) {
		this.report.append(String.format(format, args)).append(" (load ").append(loadAverage()).append(")\n");
	}

	/** The machine's 1-minute load average beside each figure: the machine is shared. */
	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (Exception ex) {
			return "n/a";
		}
	}

	private static String createPlan(HttpGraphQlTester admin) {
		return admin.documentName("createPlan")
			.variable("input",
					Map.of("name", "Grace", "profileName", "grace-" + UUID.randomUUID().toString().substring(0, 8),
							"downloadRate", "1M", "uploadRate", "1M"))
			.execute()
			.path("createPlan.plan.id")
			.entity(String.class)
			.get();
	}

	private static void setPolicy(HttpGraphQlTester admin, String gracePlan) {
		admin.document("""
				mutation($input: SetLifecyclePolicyInput!) { setLifecyclePolicy(input: $input) { errors { code } } }""")
			.variable("input",
					Map.of("enabled", true, "noticeDays", List.of(7, 3, 1), "graceDays", 3, "gracePlanId", gracePlan,
							"actionHour", 9, "timeZone", "UTC"))
			.execute()
			.path("setLifecyclePolicy.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

}
