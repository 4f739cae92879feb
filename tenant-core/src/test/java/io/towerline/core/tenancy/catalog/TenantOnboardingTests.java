package io.towerline.core.tenancy.catalog;

import io.towerline.core.error.InvalidInputException;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class TenantOnboardingTests extends DatabaseTest {

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TenantCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldCreateSchemaMigrateAndActivate() {
		String slug = TestDatabase.uniqueSlug("acme");
		TenantOnboarding.Onboarded result = this.onboarding.onboard(slug, "Acme Wireless", RateLimitTier.STANDARD);
		assertThat(result.created()).isTrue();
		assertThat(result.tenant().status()).isEqualTo(TenantStatus.ACTIVE);
		assertThat(result.tenant().rateLimitTier()).isEqualTo(RateLimitTier.STANDARD);
		String schema = TenantId.of(slug).schemaName();
		assertThat(tableExists(schema, "pop")).isTrue();
	}

	@Test
	void shouldBeIdempotent() {
		String slug = TestDatabase.uniqueSlug("twice");
		this.onboarding.onboard(slug, "Twice", RateLimitTier.STARTER);
		int applied = changesets(TenantId.of(slug).schemaName());
		TenantOnboarding.Onboarded again = this.onboarding.onboard(slug, "Twice", RateLimitTier.STARTER);
		assertThat(again.created()).isFalse();
		assertThat(again.tenant().status()).isEqualTo(TenantStatus.ACTIVE);
		assertThat(applied).isPositive();
		assertThat(changesets(TenantId.of(slug).schemaName())).isEqualTo(applied);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Acme", "ab", "public", "acme; drop schema public", "../x",
			"a2345678901234567890123456789012345678901" })
	void shouldRejectInvalidSlugBeforeAnySql(String slug) {
		int schemasBefore = schemaCount();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.onboarding.onboard(slug, "Bad", RateLimitTier.STARTER))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("slug")));
		assertThat(schemaCount()).isEqualTo(schemasBefore);
		assertThat(this.jdbc.sql("SELECT count(*) FROM public.tenant WHERE slug = :slug")
			.param("slug", slug)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void shouldRejectBlankDisplayName() {
		String slug = TestDatabase.uniqueSlug("noname");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.onboarding.onboard(slug, "  ", RateLimitTier.STARTER));
		assertThat(this.catalog.find(TenantId.of(slug))).isEmpty();
	}

	@Test
	void shouldSuspendAndReactivate() {
		TenantId id = TenantId.of(TestDatabase.uniqueSlug("pause"));
		this.onboarding.onboard(id.slug(), "Pause", RateLimitTier.STARTER);
		assertThat(this.catalog.suspend(id, "unpaid invoice").status()).isEqualTo(TenantStatus.SUSPENDED);
		assertThat(this.catalog.get(id).statusReason()).isEqualTo("unpaid invoice");
		assertThat(this.catalog.reactivate(id).status()).isEqualTo(TenantStatus.ACTIVE);
		assertThat(this.catalog.get(id).statusReason()).isNull();
	}

	private boolean tableExists(String schema, String table) {
		return this.jdbc.sql("SELECT to_regclass(:name) IS NOT NULL")
			.param("name", schema + "." + table)
			.query(Boolean.class)
			.single();
	}

	private int changesets(String schema) {
		return this.jdbc.sql("SELECT count(*) FROM " + schema + ".databasechangelog").query(Integer.class).single();
	}

	private int schemaCount() {
		return this.jdbc.sql("SELECT count(*) FROM pg_namespace").query(Integer.class).single();
	}

}
