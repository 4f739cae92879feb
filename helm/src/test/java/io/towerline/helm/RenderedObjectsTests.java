package io.towerline.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What each worked values file deploys. */
class RenderedObjectsTests {

	@Test
	void shouldMigrateAtStartUpWithOneReplicaAndNothingForScaleOut() {
		Rendered rendered = Chart.template(Chart.ciValues("minimal-values.yaml"));

		assertThat(rendered.kinds()).containsExactly("Deployment", "NetworkPolicy", "Service", "ServiceAccount");
		Map<String, Object> deployment = rendered.get("Deployment");
		assertThat(Rendered.at(deployment, "spec.replicas")).isEqualTo(1);
		assertThat(Rendered.env(deployment)).doesNotContainKey("TOWERLINE_MIGRATIONS_MODE")
			.containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
					"TOWERLINE_CREDENTIAL_KEY", "TOWERLINE_SECURITY_ISSUERS_0_ISSUERURI",
					"TOWERLINE_SECURITY_ISSUERS_0_AUDIENCE");
		assertThat(Rendered.at(deployment, "spec.template.spec.serviceAccountName")).isEqualTo("towerline");
	}

	@Test
	void shouldScaleOutWithAMigrationJobHookAutoscalingABudgetAndMonitoring() {
		Rendered rendered = Chart.template(Chart.ciValues("ha-values.yaml"));

		assertThat(rendered.kinds())
			.contains("HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress", "ServiceMonitor", "PrometheusRule")
			.as("the migration Job is a hook, outside the release manifest")
			.doesNotContain("Job");
		Map<String, Object> deployment = rendered.get("Deployment");
		assertThat(Rendered.at(deployment, "spec.replicas")).as("the HPA owns the replica count").isNull();
		assertThat(Rendered.env(deployment).get("TOWERLINE_MIGRATIONS_MODE")).containsEntry("value", "skip");
		Map<String, Object> job = Chart
			.template(Chart.ciValues("ha-values.yaml"), Map.of("migrations.job.useHelmHooks", false))
			.get("Job");
		assertThat(Rendered.env(job).get("TOWERLINE_MIGRATIONS_MODE")).containsEntry("value", "migrate-and-exit");
		assertThat(KubernetesSchemas.violations(job)).isEmpty();
		assertThat(Rendered.at(job, "spec.template.spec.restartPolicy")).isEqualTo("Never");
		Map<String, Object> hpa = rendered.get("HorizontalPodAutoscaler");
		assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
		assertThat(Rendered.at(hpa, "spec.minReplicas")).isEqualTo(3);
		assertThat(Rendered.at(rendered.get("PodDisruptionBudget"), "spec.minAvailable")).isEqualTo(1);
		assertThat(Rendered.env(deployment).get("TOWERLINE_CREDENTIALS_VAULT_AUTHENTICATION")).containsEntry("value",
				"kubernetes");
		assertThat(Rendered.at(deployment, "spec.template.spec.automountServiceAccountToken")).isEqualTo(true);
		assertThat(Rendered.at(deployment, "spec.template.spec.topologySpreadConstraints.0.topologyKey"))
			.isEqualTo("topology.kubernetes.io/zone");
	}

	@Test
	void shouldKeepGraphqlWsConnectionsOpenThroughTheIngress() {
		Map<String, Object> ingress = Chart.template(Chart.ciValues("ha-values.yaml")).get("Ingress");

		assertThat(((Map<?, ?>) Rendered.at(ingress, "metadata.annotations"))
			.get("nginx.ingress.kubernetes.io/proxy-read-timeout")).isEqualTo("3600");
		assertThat(Rendered.at(ingress, "spec.rules.0.http.paths.0.path")).isEqualTo("/graphql-ws");
		assertThat(Rendered.at(ingress, "spec.tls.0.hosts.0")).isEqualTo("towerline.example.net");
	}

	/**
	 * Egress only to DNS, PostgreSQL, the identity provider, Vault, SMTP and the routers'
	 * API ports, each to the given networks.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void shouldLetPodsReachOnlyTheirDependencies() {
		Map<String, Object> policy = Chart.template(Chart.ciValues("ha-values.yaml")).get("NetworkPolicy");

		List<Map<String, Object>> egress = (List<Map<String, Object>>) Rendered.at(policy, "spec.egress");
		List<List<Object>> ports = egress.stream()
			.map((rule) -> ((List<Map<String, Object>>) rule.get("ports")).stream()
				.map((port) -> port.get("port"))
				.toList())
			.toList();
		assertThat(ports).containsExactly(List.of(53, 53), List.of(5432), List.of(443), List.of(8200), List.of(587),
				List.of(8728, 8729));
		assertThat(Rendered.at(policy, "spec.egress.1.to.0.ipBlock.cidr")).isEqualTo("10.20.0.0/24");
		assertThat(Rendered.at(policy, "spec.egress.5.to.1.ipBlock.cidr")).isEqualTo("192.0.2.0/24");
		assertThat(Rendered.at(policy, "spec.policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
	}

	@Test
	void shouldReadEverySecretFromTheNamedSecretsAndKeys() {
		Rendered rendered = Chart.template(Chart.ciValues("existing-secrets-values.yaml"));
		Map<String, Map<String, Object>> env = Rendered.env(rendered.get("Deployment"));

		assertThat(Rendered.at(env.get("SPRING_DATASOURCE_PASSWORD"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "platform-db-credentials", "key", "DB_PASSWORD"));
		assertThat(Rendered.at(env.get("TOWERLINE_IDENTITY_KEYENCRYPTIONKEY"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "platform-keys", "key", "SIGNING_KEY_KEK"));
		assertThat(Rendered.at(env.get("TOWERLINE_CREDENTIALS_VAULT_SECRETID"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "platform-vault-approle", "key", "SECRET_ID"));
		assertThat(Rendered.at(env.get("SPRING_MAIL_PASSWORD"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "platform-smtp", "key", "SMTP_PASSWORD"));
		assertThat(env).doesNotContainKey("TOWERLINE_CREDENTIAL_KEY");
		Map<String, Object> job = rendered.get("Job");
		assertThat(Rendered.at(job, "metadata.annotations")).as("no hooks for GitOps tools").isNull();
		assertThat(rendered.kinds()).contains("PodDisruptionBudget").doesNotContain("HorizontalPodAutoscaler");
	}

}
