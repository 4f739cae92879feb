package io.towerline.helm;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every worked values file under {@code ci/} lints strictly, renders, and renders only
 * objects that the Kubernetes 1.31 schemas accept, with the safety every pod must have.
 */
class ChartTests {

	@ParameterizedTest
	@ValueSource(strings = { "minimal-values.yaml", "ha-values.yaml", "existing-secrets-values.yaml" })
	void shouldLintStrictly(String valuesFile, @TempDir Path work) {
		LintResult result = Chart.lintStrict(Chart.ciValues(valuesFile), work);

		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
		assertThat(result.getMessages())
			.noneMatch((message) -> message.contains("[ERROR]") || message.contains("[WARNING]"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "minimal-values.yaml", "ha-values.yaml", "existing-secrets-values.yaml" })
	void shouldRenderOnlyObjectsTheKubernetesSchemasAccept(String valuesFile) {
		Rendered rendered = Chart.template(Chart.ciValues(valuesFile));

		assertThat(rendered.documents()).isNotEmpty();
		Map<String, List<String>> violations = new LinkedHashMap<>();
		rendered.documents().forEach((object) -> {
			List<String> found = KubernetesSchemas.violations(object);
			if (!found.isEmpty()) {
				violations.put(object.get("kind") + "/" + Rendered.at(object, "metadata.name"), found);
			}
		});
		assertThat(violations).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "minimal-values.yaml", "ha-values.yaml", "existing-secrets-values.yaml" })
	void shouldRunEveryPodAsNonRootOnAReadOnlyRootWithProbesAndLimits(String valuesFile) {
		Rendered rendered = Chart.template(Chart.ciValues(valuesFile));

		for (Map<String, Object> workload : rendered.documents()
			.stream()
			.filter((object) -> List.of("Deployment", "Job").contains(object.get("kind")))
			.toList()) {
			assertThat(Rendered.at(workload, "spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);
			assertThat(Rendered.at(workload, "spec.template.spec.containers.0.securityContext.readOnlyRootFilesystem"))
				.isEqualTo(true);
			assertThat(
					Rendered.at(workload, "spec.template.spec.containers.0.securityContext.allowPrivilegeEscalation"))
				.isEqualTo(false);
			assertThat(Rendered.at(workload, "spec.template.spec.containers.0.volumeMounts.0.mountPath"))
				.isEqualTo("/tmp");
			assertThat(Rendered.at(workload, "spec.template.spec.volumes.0.emptyDir")).isNotNull();
			assertThat(Rendered.at(workload, "spec.template.spec.containers.0.resources.limits.memory")).isNotNull();
			assertThat(Rendered.env(workload).get("SPRING_PROFILES_ACTIVE")).containsEntry("value", "production");
			assertThat((String) Rendered.env(workload).get("JAVA_TOOL_OPTIONS").get("value"))
				.contains("-XX:MaxRAMPercentage=");
		}
		Map<String, Object> deployment = rendered.get("Deployment");
		assertThat(Rendered.at(deployment, "spec.template.spec.containers.0.startupProbe.httpGet.path"))
			.isEqualTo("/actuator/health/liveness");
		assertThat(Rendered.at(deployment, "spec.template.spec.containers.0.livenessProbe.httpGet.path"))
			.isEqualTo("/actuator/health/liveness");
		assertThat(Rendered.at(deployment, "spec.template.spec.containers.0.readinessProbe.httpGet.path"))
			.isEqualTo("/actuator/health/readiness");
	}

	/**
	 * No secret value ever appears in a rendered object: every variable that carries one
	 * is a reference to an existing Secret.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "minimal-values.yaml", "ha-values.yaml", "existing-secrets-values.yaml" })
	void shouldTakeEverySecretByReference(String valuesFile) {
		Rendered rendered = Chart.template(Chart.ciValues(valuesFile));

		assertThat(rendered.kinds()).doesNotContain("Secret", "ConfigMap");
		for (Map<String, Object> workload : rendered.documents()
			.stream()
			.filter((object) -> List.of("Deployment", "Job").contains(object.get("kind")))
			.toList()) {
			Rendered.env(workload).forEach((name, variable) -> {
				if (name.matches(".*(PASSWORD|TOKEN|SECRETID|ROLEID|USERNAME|_KEY|KEYENCRYPTIONKEY)$")) {
					assertThat(variable).as(name).doesNotContainKey("value").containsKey("valueFrom");
				}
			});
		}
	}

}
