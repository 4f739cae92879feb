package io.towerline.core.tenancy.catalog;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.towerline.core.tenancy.TenantId;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class StartupTenantMigrationTests extends DatabaseTest {

	private static final String REAL = "classpath:db/changelog/tenant/changelog.yaml";

	@Autowired
	StartupTenantMigration migration;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TenantCatalog catalog;

	@Test
	void shouldApplyLaterChangesetToEveryTenantOnceAndThenNothing() {
		List<TenantId> ours = List.of(onboard("later"), onboard("later"), onboard("later"));

		Map<TenantId, TenantMigrationOutcome> first = byTenant(
				this.migration.migrateAll("classpath:db/test/tenant-with-later-changeset.yaml"));
		Map<TenantId, TenantMigrationOutcome> second = byTenant(
				this.migration.migrateAll("classpath:db/test/tenant-with-later-changeset.yaml"));

		assertThat(ours).allSatisfy((id) -> {
			assertThat(first.get(id).appliedChangesets()).isEqualTo(1);
			assertThat(first.get(id).failure()).isNull();
			assertThat(second.get(id).appliedChangesets()).isZero();
		});
		assertThat(second.values()).allSatisfy((outcome) -> assertThat(outcome.appliedChangesets()).isZero());
	}

	@Test
	void shouldReportOneTenantsFailureWithoutStoppingTheOthers() {
		TenantId healthy = onboard("fine");
		TenantId broken = TenantId.of(TestDatabase.uniqueSlug("x").replace("-", "") + "-broken");
		this.onboarding.onboard(broken.slug(), "Broken", RateLimitTier.STARTER);

		Map<TenantId, TenantMigrationOutcome> outcomes = byTenant(
				this.migration.migrateAll("classpath:db/test/tenant-failing-for-one.yaml"));

		assertThat(outcomes.get(broken).failure()).contains("simulated failure");
		assertThat(this.catalog.get(broken).status()).isEqualTo(TenantStatus.FAILED);
		assertThat(this.catalog.get(broken).statusReason()).contains("simulated failure");
		assertThat(outcomes.get(healthy).failure()).isNull();
		assertThat(outcomes.get(healthy).appliedChangesets()).isEqualTo(1);
		assertThat(this.catalog.get(healthy).status()).isEqualTo(TenantStatus.ACTIVE);

		// the same tenant recovers once its migration succeeds again
		this.migration.migrateAll(REAL);
		this.onboarding.onboard(broken.slug(), "Broken", RateLimitTier.STARTER);
		assertThat(this.catalog.get(broken).status()).isEqualTo(TenantStatus.ACTIVE);
	}

	private TenantId onboard(String prefix) {
		String slug = TestDatabase.uniqueSlug(prefix);
		this.onboarding.onboard(slug, prefix, RateLimitTier.STARTER);
		return TenantId.of(slug);
	}

	private static Map<TenantId, TenantMigrationOutcome> byTenant(List<TenantMigrationOutcome> outcomes) {
		return outcomes.stream().collect(Collectors.toMap(TenantMigrationOutcome::tenant, (o) -> o));
	}

}
