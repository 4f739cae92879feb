package io.towerline.core.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alert sweep over 100 tenants of 1,000 routers each (rows written straight into the
 * router tables with health as the health sweep leaves it: a tenth unreachable, a
 * twentieth above 90% CPU), with the default rules. Reports the time of whole sweeps, the
 * database work they cause (from {@code pg_stat_database}) and the history's size;
 * asserts nothing about them. JDBC batching as in platform-api's configuration. Run with
 * {@code ./mvnw -pl tenant-core -am -Pbenchmark test -Dtest=AlertSweepBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(properties = { "spring.jpa.properties.hibernate.jdbc.batch_size=100",
		"spring.jpa.properties.hibernate.order_inserts=true", "spring.jpa.properties.hibernate.order_updates=true" })
class AlertSweepBenchmark extends DatabaseTest {

	private static final int TENANTS = Integer.getInteger("alerts.bench.tenants", 100);

	private static final int ROUTERS = Integer.getInteger("alerts.bench.routers", 1000);

	private static final int SWEEPS = 6;

	@Autowired
	AlertSweeper sweeper;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TenantCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measure() {
		long setupStarted = System.nanoTime();
		List<TenantId> tenants = new ArrayList<>();
		for (int i = 0; i < TENANTS; i++) {
			TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("abench"));
			this.onboarding.onboard(tenant.slug(), "Bench " + i, RateLimitTier.STARTER);
			fill(tenant);
			tenants.add(tenant);
		}
		long setupSeconds = Duration.ofNanos(System.nanoTime() - setupStarted).toSeconds();
		int activeTenants = this.catalog.activeTenants().size();
		List<String> lines = new ArrayList<>();
		lines.add("# Alert sweep: " + TENANTS + " tenants x " + ROUTERS + " routers (" + activeTenants
				+ " active tenants in the database; set-up " + setupSeconds + " s)");
		lines.add("");
		lines.add("| sweep | ms | opened | resolved | transactions | rows read | rows written | blocks read+hit |");
		lines.add("|---|---:|---:|---:|---:|---:|---:|---:|");
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
		Instant[] instants = new Instant[SWEEPS];
		for (int i = 0; i < SWEEPS - 1; i++) {
			instants[i] = hour.plus(Duration.ofMinutes(55 + i));
		}
		// the last one crosses the hour: it also rolls the hour up
		instants[SWEEPS - 1] = hour.plus(Duration.ofMinutes(61));
		for (int i = 0; i < SWEEPS; i++) {
			Map<String, Object> before = stats();
			AlertSweeper.Sweep sweep = this.sweeper.sweep(instants[i]);
			Map<String, Object> after = stats();
			int opened = sweep.tenants().stream().mapToInt(AlertSweeper.TenantSweep::opened).sum();
			int resolved = sweep.tenants().stream().mapToInt(AlertSweeper.TenantSweep::resolved).sum();
			lines.add("| " + (i + 1) + ((i == SWEEPS - 1) ? " (rolls up an hour)" : "") + " | " + sweep.millis() + " | "
					+ opened + " | " + resolved + " | " + delta(before, after, "xact_commit") + " | "
					+ (delta(before, after, "tup_fetched") + delta(before, after, "tup_returned")) + " | "
					+ (delta(before, after, "tup_inserted") + delta(before, after, "tup_updated")
							+ delta(before, after, "tup_deleted"))
					+ " | " + (delta(before, after, "blks_read") + delta(before, after, "blks_hit")) + " |");
		}
		TenantId sample = tenants.get(0);
		long hourBytes = size(sample.schemaName() + ".router_health_hour");
		long dayBytes = size(sample.schemaName() + ".router_health_day");
		lines.add("");
		lines.add("History of one tenant after these sweeps: router_health_hour " + hourBytes / 1024
				+ " KiB (2 hour rows per router), router_health_day " + dayBytes / 1024
				+ " KiB (1 day row per router).");
		lines.add("Statistics are database-wide (the test JVM's other work included), from pg_stat_database.");
		write(lines);
	}

	private void fill(TenantId tenant) {
		this.jdbc
			.sql("""
					INSERT INTO %s.router (id, name, host, port, api_ssl, username, credential_ref, status, status_detail,
					    last_checked_at, last_seen_at, identity, routeros_version, board, cpu_load, free_memory, total_memory,
					    uptime_seconds, created_at, updated_at)
					SELECT gen_random_uuid(), 'r' || n, '10.0.' || (n / 250) || '.' || (n %% 250), 8728, false, 'api',
					    'local:bench', CASE WHEN n %% 10 = 0 THEN 'UNREACHABLE' ELSE 'ONLINE' END, null, now(), now(),
					    'r' || n, '7.19.1 (stable)', 'RB5009', CASE WHEN n %% 20 = 1 THEN 97 ELSE n %% 40 END,
					    700000000, 1073741824, 86400 + n, now(), now()
					FROM generate_series(1, :routers) n
					"""
				.formatted(tenant.schemaName()))
			.param("routers", ROUTERS)
			.update();
	}

	private Map<String, Object> stats() {
		return this.jdbc
			.sql("""
					SELECT xact_commit, tup_fetched, tup_returned, tup_inserted, tup_updated, tup_deleted, blks_read, blks_hit
					FROM pg_stat_database WHERE datname = current_database()
					""")
			.query()
			.singleRow();
	}

	private static long delta(Map<String, Object> before, Map<String, Object> after, String column) {
		return ((Number) after.get(column)).longValue() - ((Number) before.get(column)).longValue();
	}

	private long size(String table) {
		return this.jdbc.sql("SELECT pg_total_relation_size('" + table + "')").query(Long.class).single();
	}

	private static void write(List<String> lines) {
		String text = String.join("\n", lines) + "\n";
		System.out.println(text);
		try {
			Path directory = Files.createDirectories(Path.of("target", "benchmarks"));
			Files.writeString(directory.resolve("alert-sweep.md"), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
