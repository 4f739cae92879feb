package io.towerline.core.tenancy.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.TenantRoles;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Creates a tenant's schema if needed and brings it to the tenant changelog's latest
 * version. Idempotent: a schema that is up to date is left untouched. Liquibase's lock
 * and history tables live inside each tenant schema, so tenants migrate independently of
 * each other.
 */
@Component
public class TenantSchemaMigrator {

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final ResourceLoader resourceLoader;

	private final TenancyProperties properties;

	private final CurrentSchemaCheck current;

	@Autowired
	TenantSchemaMigrator(DataSource dataSource, ResourceLoader resourceLoader, TenancyProperties properties) {
		this(dataSource, resourceLoader, properties, new CurrentSchemaCheck(resourceLoader));
	}

	private TenantSchemaMigrator(DataSource dataSource, ResourceLoader resourceLoader, TenancyProperties properties,
			CurrentSchemaCheck current) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.resourceLoader = resourceLoader;
		this.properties = properties;
		this.current = current;
	}

	/**
	 * The same migrator on another database (a tenant moving to another cluster, ADR
	 * 0167).
	 */
	public TenantSchemaMigrator on(DataSource other) {
		return new TenantSchemaMigrator(other, this.resourceLoader, this.properties, this.current);
	}

	/**
	 * Migrates one tenant schema.
	 * @return how many changesets were applied (0 when the schema was already current)
	 * @throws TenantMigrationException when the schema cannot be created or a changeset
	 * fails
	 */
	public int migrate(TenantId tenant) {
		return migrate(tenant, this.properties.changelog());
	}

	int migrate(TenantId tenant, String changelog) {
		// replicas starting at once reach the same tenants: the first migrates, the
		// others
		// wait on this lock (woken the moment it is free, unlike Liquibase's lock, polled
		// every 10 s) and then find nothing left to do; it also keeps them from racing to
		// create the schema, its role and Liquibase's own tables (ADR 0166)
		try (Connection lock = this.dataSource.getConnection()) {
			holdMigrationLock(lock, tenant, true);
			try {
				return migrateHoldingLock(tenant, changelog, lock);
			}
			finally {
				holdMigrationLock(lock, tenant, false);
			}
		}
		catch (SQLException ex) {
			throw new TenantMigrationException(tenant, rootMessage(ex), ex);
		}
	}

	private static void holdMigrationLock(Connection connection, TenantId tenant, boolean hold) throws SQLException {
		String function = hold ? "pg_advisory_lock" : "pg_advisory_unlock";
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT " + function + "(hashtext('towerline.tenant-migration'), hashtext(?))")) {
			statement.setString(1, tenant.schemaName());
			statement.execute();
		}
	}

	private int migrateHoldingLock(TenantId tenant, String changelog, Connection lock) {
		String schema = tenant.schemaName();
		// the schema and the counts on the lock's connection too: one connection per
		// tenant for everything but the role claims (ADR 0175)
		JdbcClient onLock = JdbcClient.create(new SingleConnectionDataSource(lock, true));
		try {
			// replicas after the first, and every start-up without a new changeset, stop
			// here: two catalog reads instead of a Liquibase run (ADR 0196)
			if (this.current.isCurrent(onLock, tenant, changelog)) {
				return 0;
			}
			// schema comes from a validated TenantId: lower-case letters, digits and '_'
			// only
			onLock.sql("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"").update();
			TenantRoles.claim(this.jdbc, tenant);
			int before = appliedChangesets(onLock, schema);
			SpringLiquibase liquibase = new SpringLiquibase();
			// on the connection holding the lock: a second connection per tenant for the
			// whole run starved the pool when many tenants migrated at once (each waited
			// for one while holding one; 200 tenants timed out preparing, issue 14)
			liquibase.setDataSource(new SingleConnectionDataSource(lock, true));
			liquibase.setResourceLoader(this.resourceLoader);
			liquibase.setChangeLog(changelog);
			liquibase.setDefaultSchema(schema);
			liquibase.setLiquibaseSchema(schema);
			liquibase.setAnalyticsEnabled(false);
			liquibase.setShouldRun(true);
			liquibase.afterPropertiesSet();
			// the tenant's role owns what the changesets created too (defence in depth)
			TenantRoles.claim(this.jdbc, tenant);
			return appliedChangesets(onLock, schema) - before;
		}
		catch (LiquibaseException | RuntimeException ex) {
			throw new TenantMigrationException(tenant, rootMessage(ex), ex);
		}
	}

	private static int appliedChangesets(JdbcClient jdbc, String schema) {
		boolean exists = jdbc.sql("SELECT to_regclass(:table) IS NOT NULL")
			.param("table", schema + ".databasechangelog")
			.query(Boolean.class)
			.single();
		if (!exists) {
			return 0;
		}
		return jdbc.sql("SELECT count(*) FROM \"" + schema + "\".databasechangelog").query(Integer.class).single();
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return (message != null) ? message : cause.getClass().getSimpleName();
	}

}
