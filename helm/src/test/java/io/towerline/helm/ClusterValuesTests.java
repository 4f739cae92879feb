package io.towerline.helm;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Further PostgreSQL clusters for tenant schemas (ADR 0173) reach the container as
 * {@code towerline.placement.clusters.<name>.*}, credentials only from the named Secret;
 * without clusters nothing of it is rendered.
 */
class ClusterValuesTests {

	@Test
	void shouldPassEachClusterWithItsCredentialsFromItsSecret() {
		Map<String, Map<String, Object>> env = Rendered
			.env(Chart.template(Chart.ciValues("ha-values.yaml")).get("Deployment"));

		assertThat(env.get("TOWERLINE_PLACEMENT_CLUSTERS_EAST_URL")).containsEntry("value",
				"jdbc:postgresql://pg-east.databases.svc:5432/towerline?sslmode=verify-full");
		assertThat(Rendered.at(env.get("TOWERLINE_PLACEMENT_CLUSTERS_EAST_USERNAME"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "towerline-database-east", "key", "username"));
		assertThat(Rendered.at(env.get("TOWERLINE_PLACEMENT_CLUSTERS_EAST_PASSWORD"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "towerline-database-east", "key", "password"));
	}

	@Test
	void shouldPassThePlacementRuleAndOutboxSweepWithClusters() {
		Map<String, Map<String, Object>> defaults = Rendered
			.env(Chart.template(Chart.ciValues("ha-values.yaml")).get("Deployment"));
		assertThat(defaults.get("TOWERLINE_PLACEMENT_NEW_TENANTS_ON_MAIN")).containsEntry("value", "false");
		assertThat(defaults.get("TOWERLINE_PLACEMENT_OUTBOX_SWEEP_INTERVAL")).containsEntry("value", "30s");

		Map<String, Map<String, Object>> set = Rendered.env(Chart
			.template(Chart.ciValues("ha-values.yaml"),
					Map.of("database.newTenantsOnMain", "true", "database.outboxSweepInterval", "2m"))
			.get("Deployment"));
		assertThat(set.get("TOWERLINE_PLACEMENT_NEW_TENANTS_ON_MAIN")).containsEntry("value", "true");
		assertThat(set.get("TOWERLINE_PLACEMENT_OUTBOX_SWEEP_INTERVAL")).containsEntry("value", "2m");
	}

	@Test
	void shouldRenderNoClusterSettingsWithoutClusters() {
		Map<String, Map<String, Object>> env = Rendered
			.env(Chart.template(Chart.ciValues("minimal-values.yaml")).get("Deployment"));

		assertThat(env.keySet()).noneMatch((name) -> name.startsWith("TOWERLINE_PLACEMENT_"));
	}

}
