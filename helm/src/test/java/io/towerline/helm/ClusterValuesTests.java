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
	void shouldRenderNoClusterSettingsWithoutClusters() {
		Map<String, Map<String, Object>> env = Rendered
			.env(Chart.template(Chart.ciValues("minimal-values.yaml")).get("Deployment"));

		assertThat(env.keySet()).noneMatch((name) -> name.startsWith("TOWERLINE_PLACEMENT_"));
	}

}
