package io.towerline.core.tenancy.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Migrates every tenant schema when the application starts, a bounded number at a time.
 * One tenant's failure is recorded on that tenant (FAILED, with the reason) and does not
 * stop the others. Runs before readiness, so a replica only takes traffic once its
 * tenants are migrated.
 */
@Component
class StartupTenantMigration implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StartupTenantMigration.class);

	private final TenantRepository tenants;

	private final TenantSchemaMigrator migrator;

	private final TenantCatalog catalog;

	private final TenancyProperties properties;

	private final TenantClusters clusters;

	StartupTenantMigration(TenantRepository tenants, TenantSchemaMigrator migrator, TenantCatalog catalog,
			TenancyProperties properties, TenantClusters clusters) {
		this.clusters = clusters;
		this.tenants = tenants;
		this.migrator = migrator;
		this.catalog = catalog;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.migrateOnStartup()) {
			migrateAll(this.properties.changelog());
		}
	}

	/** Migrates every tenant in the catalog; returns one outcome per tenant. */
	List<TenantMigrationOutcome> migrateAll(String changelog) {
		return migrateEach(this.tenants.findAll(), changelog);
	}

	/**
	 * Migrates the given tenants, starting at a random one: replicas that start at once
	 * then mostly work on different tenants instead of queueing on the same (ADR 0166).
	 */
	List<TenantMigrationOutcome> migrateEach(List<Tenant> tenants, String changelog) {
		List<Tenant> all = new ArrayList<>(tenants);
		if (!all.isEmpty()) {
			Collections.rotate(all, ThreadLocalRandom.current().nextInt(all.size()));
		}
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(this.properties.migrationParallelism())) {
			List<Future<TenantMigrationOutcome>> futures = all.stream()
				.map((tenant) -> pool.submit(() -> migrateOne(tenant, changelog)))
				.toList();
			List<TenantMigrationOutcome> outcomes = futures.stream().map(StartupTenantMigration::join).toList();
			long failed = outcomes.stream().filter((o) -> o.failure() != null).count();
			log.info("Migrated {} tenant schemas in {} ms ({} failed)", all.size(),
					(System.nanoTime() - started) / 1_000_000, failed);
			return outcomes;
		}
	}

	private TenantMigrationOutcome migrateOne(Tenant tenant, String changelog) {
		TenantId id = tenant.id();
		TenantStatus status = tenant.status();
		try {
			// each schema on the cluster it lives on (ADR 0173)
			int applied = migratorFor(tenant).migrate(id, changelog);
			// only a tenant that was not yet (or no longer) served needs its status
			// touched
			if (status == TenantStatus.PROVISIONING || status == TenantStatus.FAILED) {
				this.catalog.recordMigrationOutcome(id, null);
			}
			return new TenantMigrationOutcome(id, applied, null);
		}
		catch (TenantMigrationException ex) {
			log.error("Tenant {} could not be migrated: {}", id, ex.reason(), ex);
			this.catalog.recordMigrationOutcome(id, ex.reason());
			return new TenantMigrationOutcome(id, 0, ex.reason());
		}
	}

	private TenantSchemaMigrator migratorFor(Tenant tenant) {
		if (Tenant.MAIN_CLUSTER.equals(tenant.cluster())) {
			return this.migrator;
		}
		try {
			return this.migrator.on(this.clusters.dataSource(tenant.cluster()));
		}
		catch (IllegalStateException ex) {
			// a cluster dropped from the configuration fails its tenants, not the
			// start-up
			throw new TenantMigrationException(tenant.id(), String.valueOf(ex.getMessage()), ex);
		}
	}

	private static TenantMigrationOutcome join(Future<TenantMigrationOutcome> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while migrating tenant schemas", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Tenant migration crashed", ex.getCause());
		}
	}

}
