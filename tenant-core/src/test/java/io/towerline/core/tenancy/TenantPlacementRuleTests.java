package io.towerline.core.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.core.testsupport.TwoClusterTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a tenant created without a cluster goes (ADR 0184): the configured cluster with
 * the fewest tenants, main on a tie, clusters without any tenant counted as empty; main
 * always when the property keeps new tenants there or no further cluster is configured,
 * and then without reading the catalog.
 */
@SpringBootTest
class TenantPlacementRuleTests extends TwoClusterTest {

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TenantCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldChooseTheClusterWithTheFewestTenantsAndMainOnATie() {
		Set<String> clusters = new LinkedHashSet<>(List.of("main", "east", "west"));
		assertThat(TenantClusters.fewestTenants(clusters, Map.of("main", 5L, "east", 3L, "west", 4L)))
			.isEqualTo("east");
		assertThat(TenantClusters.fewestTenants(clusters, Map.of("main", 3L, "east", 3L, "west", 3L)))
			.isEqualTo("main");
		assertThat(TenantClusters.fewestTenants(clusters, Map.of("main", 4L, "east", 2L, "west", 2L)))
			.as("ties between further clusters: the first by name")
			.isEqualTo("east");
		assertThat(TenantClusters.fewestTenants(clusters, Map.of("main", 1L, "east", 1L)))
			.as("a cluster without tenants yet")
			.isEqualTo("west");
		assertThat(TenantClusters.fewestTenants(clusters, Map.of())).isEqualTo("main");
		assertThat(TenantClusters.fewestTenants(clusters, Map.of("main", 0L, "east", 7L, "retired", 0L)))
			.as("a cluster no longer configured does not count")
			.isEqualTo("main");
	}

	@Test
	void shouldPlaceANewTenantWithoutAClusterOnTheOneWithFewestTenants() {
		Map<String, Long> before = new LinkedHashMap<>();
		this.jdbc.sql("SELECT cluster, count(*) FROM public.tenant GROUP BY cluster")
			.query((rs, row) -> before.put(rs.getString(1), rs.getLong(2)))
			.list();
		String expected = (before.getOrDefault(EAST, 0L) < before.getOrDefault(TenantPlacement.MAIN, 0L)) ? EAST
				: TenantPlacement.MAIN;
		String slug = TestDatabase.uniqueSlug("fewest");
		this.onboarding.onboard(slug, slug, RateLimitTier.STARTER, null);
		assertThat(this.catalog.get(TenantId.of(slug)).cluster()).isEqualTo(expected);
		String named = TestDatabase.uniqueSlug("named");
		this.onboarding.onboard(named, named, RateLimitTier.STARTER, TenantPlacement.MAIN);
		assertThat(this.catalog.get(TenantId.of(named)).cluster()).as("a named cluster wins over the rule")
			.isEqualTo(TenantPlacement.MAIN);
	}

	@Test
	void shouldKeepNewTenantsOnMainWithoutReadingTheCatalogWhenTold() throws SQLException {
		ClusterProperties east = new ClusterProperties(
				Map.of(EAST, new ClusterProperties.ClusterConnection("jdbc:postgresql://127.0.0.1:1/none", "x", null)),
				Duration.ofSeconds(2), 1, true);
		assertThat(new TenantClusters(east, unreachable()).placeNew()).isEqualTo(TenantPlacement.MAIN);
		ClusterProperties mainOnly = new ClusterProperties(Map.of(), Duration.ofSeconds(2), 1, false);
		assertThat(new TenantClusters(mainOnly, unreachable()).placeNew()).isEqualTo(TenantPlacement.MAIN);
	}

	/** A data source that fails any read: proves nothing was read. */
	private static DataSource unreachable() {
		return new AbstractDataSource() {
			@Override
			public Connection getConnection() throws SQLException {
				throw new SQLException("read the catalog");
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				throw new SQLException("read the catalog");
			}
		};
	}

}
