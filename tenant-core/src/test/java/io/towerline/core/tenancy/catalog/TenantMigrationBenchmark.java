package io.towerline.core.tenancy.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.testsupport.ExternalPostgres;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's start-up migration at scale: on an external PostgreSQL server, N tenant
 * schemas (1,000 by default, {@code -Dtowerline.bench.tenants}) at the current version,
 * then three replicas (each its own pool and migration threads, as on start-up) start at
 * once with a changelog that has one changeset more. Reports the time, counts that do not
 * depend on the machine's load (statements and connections per tenant, the most
 * connections held at once), and checks that the changeset ran exactly once in every
 * schema. Run:
 * {@code ./mvnw -o -Pbenchmark -pl tenant-core -am test -Dtest=TenantMigrationBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtowerline.bench.tenants=1000}
 */
@SpringBootTest(properties = "towerline.tenancy.migrate-on-startup=false")
class TenantMigrationBenchmark {

	private static final String REAL = "classpath:db/changelog/tenant/changelog.yaml";

	private static final String NEXT = "classpath:db/test/tenant-with-counted-changeset.yaml";

	private static final int TENANTS = Integer.getInteger("towerline.bench.tenants", 1000);

	private static final int REPLICAS = 3;

	private static final int PARALLELISM = 4;

	private static final ExternalPostgres POSTGRES = ExternalPostgres.start();

	@Autowired
	TenantRepository tenants;

	@Autowired
	TenantCatalog catalog;

	@Autowired
	TenantClusters clusters;

	@Autowired
	ResourceLoader resourceLoader;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.Server server = POSTGRES.server();
		registry.add("spring.datasource.url", server::url);
		registry.add("spring.datasource.username", server::username);
		registry.add("spring.datasource.password", server::password);
	}

	@AfterAll
	static void stop() {
		POSTGRES.close();
	}

	@Test
	void migrateManyTenantsFromThreeReplicasAtOnce() throws Exception {
		String prefix = "m" + Long.toString(System.nanoTime() % 100000, 36);
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < TENANTS; i++) {
			this.jdbc
				.sql("INSERT INTO public.tenant (slug, display_name, status, rate_limit_tier, created_at, updated_at, "
						+ "version) VALUES (?, ?, 'ACTIVE', 'STARTER', ?, ?, 0)")
				.params(prefix + "-" + i, "Bench " + i, now, now)
				.update();
		}
		List<Tenant> rows = this.tenants.findAll()
			.stream()
			.filter((tenant) -> tenant.id().slug().startsWith(prefix + "-"))
			.toList();

		long prepared = System.nanoTime();
		HikariDataSource preparePool = pool(2 * PARALLELISM + 2);
		CountingDataSource preparing = new CountingDataSource(preparePool);
		List<TenantMigrationOutcome> prepareOutcomes;
		try {
			TenancyProperties properties = new TenancyProperties(REAL, true, 2 * PARALLELISM);
			prepareOutcomes = new StartupTenantMigration(this.tenants,
					new TenantSchemaMigrator(preparing, this.resourceLoader, properties), this.catalog, properties,
					this.clusters)
				.migrateEach(rows, REAL);
		}
		finally {
			preparePool.close();
		}
		long prepareFailures = prepareOutcomes.stream().filter((outcome) -> outcome.failure() != null).count();
		double prepareSeconds = (System.nanoTime() - prepared) / 1e9;

		List<TenantMigrationOutcome> outcomes = new ArrayList<>();
		List<Double> replicaSeconds = new ArrayList<>();
		List<HikariDataSource> pools = new ArrayList<>();
		List<CountingDataSource> counters = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		long started;
		try (ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS)) {
			List<Future<List<TenantMigrationOutcome>>> runs = new ArrayList<>();
			for (int i = 0; i < REPLICAS; i++) {
				HikariDataSource pool = pool(2 * PARALLELISM + 2);
				pools.add(pool);
				CountingDataSource counted = new CountingDataSource(pool);
				counters.add(counted);
				TenancyProperties properties = new TenancyProperties(NEXT, true, PARALLELISM);
				StartupTenantMigration replica = new StartupTenantMigration(this.tenants,
						new TenantSchemaMigrator(counted, this.resourceLoader, properties), this.catalog, properties,
						this.clusters);
				runs.add(replicas.submit(() -> {
					start.await();
					long begun = System.nanoTime();
					List<TenantMigrationOutcome> result = replica.migrateEach(rows, NEXT);
					synchronized (replicaSeconds) {
						replicaSeconds.add((System.nanoTime() - begun) / 1e9);
					}
					return result;
				}));
			}
			started = System.nanoTime();
			start.countDown();
			for (Future<List<TenantMigrationOutcome>> run : runs) {
				outcomes.addAll(run.get());
			}
		}
		finally {
			pools.forEach(HikariDataSource::close);
		}
		double migrateSeconds = (System.nanoTime() - started) / 1e9;

		long failures = outcomes.stream().filter((outcome) -> outcome.failure() != null).count();
		Map<TenantId, Integer> applied = outcomes.stream()
			.collect(Collectors.groupingBy(TenantMigrationOutcome::tenant,
					Collectors.summingInt(TenantMigrationOutcome::appliedChangesets)));
		long runOnce = 0;
		for (Tenant tenant : rows) {
			int runs = this.jdbc.sql("SELECT count(*) FROM " + tenant.id().schemaName() + ".counted_run")
				.query(Integer.class)
				.single();
			if (runs == 1 && applied.get(tenant.id()) == 1) {
				runOnce++;
			}
		}

		String report = String.format("""
				# Concurrent start-up migration (issue 14)

				External PostgreSQL: %s. Tenants: %d. Load average at the end: %s.

				- Preparing the schemas (one replica, %d at a time, full tenant changelog): %.1f s; failures: %d
				  Load-independent: %.1f statements and %.2f connections per tenant; at most %d connections held at
				  once (pool %d)
				- %d replicas starting at once, %d tenants at a time each, one new changeset: %.1f s wall
				  (per replica: %s s)
				  Load-independent: %.1f statements per tenant and replica; at most %s connections held at once
				  (pool %d each)
				- Schemas where the new changeset ran exactly once: %d of %d; failures reported: %d
				""", POSTGRES.describe(), rows.size(), Files.readString(Path.of("/proc/loadavg")).trim(),
				2 * PARALLELISM, prepareSeconds, prepareFailures, (double) preparing.statements() / rows.size(),
				(double) preparing.connections() / rows.size(), preparing.peak(), 2 * PARALLELISM + 2, REPLICAS,
				PARALLELISM, migrateSeconds,
				replicaSeconds.stream().map((s) -> String.format("%.1f", s)).collect(Collectors.joining(", ")),
				(double) counters.stream().mapToLong(CountingDataSource::statements).sum() / (REPLICAS * rows.size()),
				counters.stream().map((c) -> String.valueOf(c.peak())).collect(Collectors.joining("/")),
				2 * PARALLELISM + 2, runOnce, rows.size(), failures);
		Path out = Path.of("target", "benchmarks", "tenant-migration.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
		assertThat(prepareFailures).isZero();
		assertThat(failures).isZero();
		assertThat(runOnce).isEqualTo(rows.size());
	}

	private static HikariDataSource pool(int size) {
		TestDatabase.Server server = POSTGRES.server();
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(server.url());
		pool.setUsername(server.username());
		pool.setPassword(server.password());
		pool.setMaximumPoolSize(size);
		return pool;
	}

}
