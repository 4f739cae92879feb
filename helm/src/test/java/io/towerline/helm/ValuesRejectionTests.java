package io.towerline.helm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Bad values are refused at render time with a message naming what is wrong, and the
 * Kubernetes schemas refuse objects a cluster would refuse or silently misread.
 */
class ValuesRejectionTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			unknown-key.yaml                      | replicas
			inline-password.yaml                  | password
			wrong-type.yaml                       | replicaCount
			startup-migrations-with-replicas.yaml | migrations.mode=startup needs replicaCount 1
			no-database.yaml                      | database.url is required
			no-issuer.yaml                        | identity.issuers needs at least one issuer
			cluster-named-main.yaml               | /database/clusters/0/name
			cluster-inline-password.yaml          | /database/clusters/0
			""")
	void shouldRefuseBadValuesNamingTheProblem(String file, String named) {
		Path values = Path.of("src/test/resources/bad-values", file);

		assertThatException().isThrownBy(() -> Chart.template(values)).withMessageContaining(named);
	}

	@Test
	void shouldRefuseAMisspeltFieldInARenderedObject() {
		Map<String, Object> deployment = deployment();
		container(deployment).put("imagePulPolicy", "Always");

		assertThat(KubernetesSchemas.violations(deployment)).singleElement().asString().contains("imagePulPolicy");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldRefuseAPortGivenAsText() {
		Map<String, Object> deployment = deployment();
		List<Map<String, Object>> ports = new ArrayList<>(
				(List<Map<String, Object>>) container(deployment).get("ports"));
		Map<String, Object> port = new LinkedHashMap<>(ports.get(0));
		port.put("containerPort", "8080");
		ports.set(0, port);
		container(deployment).put("ports", ports);

		assertThat(KubernetesSchemas.violations(deployment)).isNotEmpty()
			.anyMatch((violation) -> violation.contains("containerPort"));
	}

	@Test
	void shouldRefuseAKindItHasNoSchemaFor() {
		Map<String, Object> object = Map.of("apiVersion", "v1", "kind", "Secret", "metadata", Map.of("name", "x"));

		assertThat(KubernetesSchemas.violations(object)).containsExactly("no schema for v1 Secret");
	}

	private static Map<String, Object> deployment() {
		return Chart.template(Chart.ciValues("minimal-values.yaml")).get("Deployment");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> container(Map<String, Object> deployment) {
		return (Map<String, Object>) Rendered.at(deployment, "spec.template.spec.containers.0");
	}

}
