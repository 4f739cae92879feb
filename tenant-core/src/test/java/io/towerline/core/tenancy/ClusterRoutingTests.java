package io.towerline.core.tenancy;

import java.util.List;

import javax.sql.DataSource;

import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.pop.PointsOfPresence;
import io.towerline.core.pop.Pop;
import io.towerline.core.pop.PopDetails;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.core.testsupport.TwoClusterTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tenants on two clusters (ADR 0173): onboarding places each on its named cluster, and
 * the ordinary services then read and write each tenant's rows on its own cluster only,
 * checked on each server directly.
 */
@SpringBootTest
class ClusterRoutingTests extends TwoClusterTest {

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TenantCatalog catalog;

	@Autowired
	PointsOfPresence pops;

	@Autowired
	TenantClusters clusters;

	@Autowired
	DataSource dataSource;

	@Test
	void shouldKeepEachTenantsRowsOnItsOwnCluster() {
		TenantId onMain = onboard("rmain", TenantPlacement.MAIN);
		TenantId onEast = onboard("reast", EAST);
		assertThat(this.catalog.get(onMain).cluster()).isEqualTo(TenantPlacement.MAIN);
		assertThat(this.catalog.get(onEast).cluster()).isEqualTo(EAST);

		Pop mainPop = TenantContext.callAs(onMain,
				() -> this.pops.create(PopDetails.of("North", "1 Main St", null, null, null)));
		Pop eastPop = TenantContext.callAs(onEast,
				() -> this.pops.create(PopDetails.of("East", "2 East St", null, null, null)));

		JdbcClient main = JdbcClient.create(this.clusters.dataSource(TenantPlacement.MAIN));
		JdbcClient east = JdbcClient.create(this.clusters.dataSource(EAST));
		assertThat(popNames(main, onMain)).containsExactly("North");
		assertThat(popNames(east, onEast)).containsExactly("East");
		// each schema exists only where its tenant lives
		assertThat(schemaExists(east, onMain)).isFalse();
		assertThat(schemaExists(main, onEast)).isFalse();

		// reads come back from the tenant's own cluster, through the same services
		assertThat(TenantContext.callAs(onEast, () -> this.pops.list(ScrollPosition.keyset(), 10).getContent()))
			.extracting(Pop::id)
			.containsExactly(eastPop.id());
		assertThat(TenantContext.callAs(onMain, () -> this.pops.list(ScrollPosition.keyset(), 10).getContent()))
			.extracting(Pop::id)
			.containsExactly(mainPop.id());
		// and a connection taken without a tenant is the platform's, on main
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT count(*) FROM public.tenant WHERE slug = ?")
			.param(onEast.slug())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldReachPlatformTablesOnMainWhileServingATenantElsewhere() {
		TenantId onEast = onboard("rplat", EAST);
		String count = "SELECT count(*) FROM public.tenant WHERE slug = '" + onEast.slug() + "'";
		assertThat(TenantContext.callAs(onEast,
				() -> JdbcClient.create(PlatformDataSource.of(this.dataSource))
					.sql(count)
					.query(Integer.class)
					.single()))
			.isEqualTo(1);
		// the tenant's own connections are on its cluster, which has no catalog
		assertThat(catchThrowable(() -> TenantContext.runAs(onEast,
				() -> JdbcClient.create(this.dataSource).sql(count).query(Integer.class).single())))
			.hasMessageContaining("public.tenant");
		// and so does the catalog, read while serving that tenant
		assertThat(TenantContext.callAs(onEast, () -> this.catalog.find(onEast))).get()
			.extracting((tenant) -> tenant.cluster())
			.isEqualTo(EAST);
		assertThat(TenantContext.current()).isEmpty();
	}

	@Test
	void shouldRefuseAnUnknownClusterBeforeRegisteringTheTenant() {
		String slug = TestDatabase.uniqueSlug("rnone");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.onboarding.onboard(slug, "Nowhere", RateLimitTier.STARTER, "west"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field, FieldError::code)
				.containsExactly(tuple("cluster", ErrorCode.UNKNOWN_CLUSTER)));
		assertThat(this.catalog.find(TenantId.of(slug))).isEmpty();
	}

	private TenantId onboard(String prefix, String cluster) {
		String slug = TestDatabase.uniqueSlug(prefix);
		this.onboarding.onboard(slug, slug, RateLimitTier.STARTER, cluster);
		return TenantId.of(slug);
	}

	private static List<String> popNames(JdbcClient jdbc, TenantId tenant) {
		return jdbc.sql("SELECT name FROM " + tenant.schemaName() + ".pop ORDER BY name").query(String.class).list();
	}

	private static boolean schemaExists(JdbcClient jdbc, TenantId tenant) {
		return jdbc.sql("SELECT count(*) > 0 FROM pg_namespace WHERE nspname = ?")
			.param(tenant.schemaName())
			.query(Boolean.class)
			.single();
	}

}
