package io.towerline.core.tenancy.catalog;

import javax.sql.DataSource;

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
 * A schema is left to itself at start-up only when it provably holds every changeset with
 * its checksum and every object belongs to the tenant's role (ADR 0196); anything else
 * still goes through Liquibase and the role claim.
 */
@SpringBootTest
class CurrentSchemaCheckTests extends DatabaseTest {

	private static final String REAL = "classpath:db/changelog/tenant/changelog.yaml";

	private static final String LATER = "classpath:db/test/tenant-with-later-changeset.yaml";

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	DataSource dataSource;

	@Autowired
	ResourceLoader resourceLoader;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldMigrateACurrentSchemaWithoutRunningLiquibase() {
		TenantId tenant = onboard();
		CountingDataSource counted = new CountingDataSource(this.dataSource);
		TenantSchemaMigrator migrator = new TenantSchemaMigrator(counted, this.resourceLoader,
				new TenancyProperties(REAL, true, 1));

		assertThat(migrator.migrate(tenant)).isZero();

		// the lock, the two catalog reads and the unlock: Liquibase alone runs dozens
		assertThat(counted.statements()).isLessThanOrEqualTo(4);
		assertThat(counted.connections()).isEqualTo(1);
	}

	@Test
	void shouldTellCurrentOnlyWhenEveryChangesetIsThere() {
		TenantId tenant = onboard();
		CurrentSchemaCheck check = new CurrentSchemaCheck(this.resourceLoader);

		assertThat(check.isCurrent(this.jdbc, tenant, REAL)).isTrue();
		assertThat(check.isCurrent(this.jdbc, tenant, LATER)).isFalse();
	}

	@Test
	void shouldNotTellCurrentWhenAChangesetsChecksumDiffers() {
		TenantId tenant = onboard();
		CurrentSchemaCheck check = new CurrentSchemaCheck(this.resourceLoader);
		this.jdbc.sql("UPDATE " + tenant.schemaName() + ".databasechangelog SET md5sum = '9:0' WHERE orderexecuted = 1")
			.update();

		assertThat(check.isCurrent(this.jdbc, tenant, REAL)).isFalse();
	}

	@Test
	void shouldLeaveATableAnotherRoleOwnsToTheClaim() {
		TenantId tenant = onboard();
		CurrentSchemaCheck check = new CurrentSchemaCheck(this.resourceLoader);
		this.jdbc.sql("CREATE TABLE " + tenant.schemaName() + ".left_behind (id int)").update();

		assertThat(check.isCurrent(this.jdbc, tenant, REAL)).isFalse();

		TenantSchemaMigrator migrator = new TenantSchemaMigrator(this.dataSource, this.resourceLoader,
				new TenancyProperties(REAL, true, 1));
		assertThat(migrator.migrate(tenant)).isZero();
		assertThat(check.isCurrent(this.jdbc, tenant, REAL)).isTrue();
	}

	private TenantId onboard() {
		String slug = TestDatabase.uniqueSlug("current");
		this.onboarding.onboard(slug, "Current", RateLimitTier.STARTER);
		return TenantId.of(slug);
	}

}
