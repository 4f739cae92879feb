package io.towerline.core.tenancy.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three replicas, each with its own connection pool, start at once and migrate the same
 * tenants: schemas that need one new changeset and tenants whose schema does not exist
 * yet. Every changeset runs exactly once per schema and no replica reports a failure.
 */
@SpringBootTest
class ConcurrentTenantMigrationTests extends DatabaseTest {

	private static final String CHANGELOG = "classpath:db/test/tenant-with-counted-changeset.yaml";

	private static final int REPLICAS = 3;

	@Autowired
	TenantOnboarding onboarding;

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

	@Test
	void shouldRunEveryChangesetOnceWhenReplicasMigrateTheSameTenantsAtOnce() throws Exception {
		List<TenantId> existing = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			String slug = TestDatabase.uniqueSlug("conc");
			this.onboarding.onboard(slug, slug, RateLimitTier.STARTER);
			existing.add(TenantId.of(slug));
		}
		List<TenantId> fresh = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			fresh.add(registerWithoutSchema(TestDatabase.uniqueSlug("fresh")));
		}
		List<TenantId> ours = new ArrayList<>(existing);
		ours.addAll(fresh);
		List<Tenant> rows = this.tenants.findAllById(ours.stream().map(TenantId::slug).toList());

		List<TenantMigrationOutcome> outcomes = new ArrayList<>();
		List<HikariDataSource> pools = new ArrayList<>();
		try (ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS)) {
			List<Future<List<TenantMigrationOutcome>>> runs = new ArrayList<>();
			for (int i = 0; i < REPLICAS; i++) {
				HikariDataSource pool = pool();
				pools.add(pool);
				TenancyProperties properties = new TenancyProperties(CHANGELOG, true, 4);
				StartupTenantMigration replica = new StartupTenantMigration(this.tenants,
						new TenantSchemaMigrator(pool, this.resourceLoader, properties), this.catalog, properties,
						this.clusters);
				Callable<List<TenantMigrationOutcome>> run = () -> replica.migrateEach(rows, CHANGELOG);
				runs.add(replicas.submit(run));
			}
			for (Future<List<TenantMigrationOutcome>> run : runs) {
				outcomes.addAll(run.get());
			}
		}
		finally {
			pools.forEach(HikariDataSource::close);
		}

		assertThat(outcomes).hasSize(REPLICAS * ours.size())
			.allSatisfy((outcome) -> assertThat(outcome.failure()).as(outcome.tenant().slug()).isNull());
		Map<TenantId, Integer> appliedPerTenant = outcomes.stream()
			.collect(Collectors.groupingBy(TenantMigrationOutcome::tenant,
					Collectors.summingInt(TenantMigrationOutcome::appliedChangesets)));
		for (TenantId tenant : ours) {
			String schema = tenant.schemaName();
			assertThat(count("SELECT count(*) FROM " + schema + ".counted_run"))
				.as("counted changeset runs in %s", schema)
				.isEqualTo(1);
			assertThat(count("SELECT count(*) - count(DISTINCT id) FROM " + schema + ".databasechangelog"))
				.as("changesets recorded twice in %s", schema)
				.isZero();
			int recorded = count("SELECT count(*) FROM " + schema + ".databasechangelog");
			int expected = existing.contains(tenant) ? 1 : recorded;
			assertThat(appliedPerTenant.get(tenant)).as("changesets applied to %s over all replicas", schema)
				.isEqualTo(expected);
			assertThat(this.catalog.get(tenant).status()).isEqualTo(TenantStatus.ACTIVE);
		}
	}

	private TenantId registerWithoutSchema(String slug) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc
			.sql("INSERT INTO public.tenant (slug, display_name, status, rate_limit_tier, created_at, updated_at, "
					+ "version) VALUES (?, ?, 'PROVISIONING', 'STARTER', ?, ?, 0)")
			.params(slug, slug, now, now)
			.update();
		return TenantId.of(slug);
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	private static HikariDataSource pool() {
		TestDatabase.Server server = TestDatabase.server();
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(server.url());
		pool.setUsername(server.username());
		pool.setPassword(server.password());
		pool.setMaximumPoolSize(10);
		return pool;
	}

}
