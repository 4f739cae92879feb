package io.towerline.helm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates rendered objects against the vendored strict Kubernetes 1.31 schemas
 * ({@code src/test/resources/kubernetes-schemas}, README there), with networknt's JSON
 * Schema validator.
 */
final class KubernetesSchemas {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final ObjectNode SUBSET = load();

	private static final SchemaRegistry REGISTRY = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private KubernetesSchemas() {
	}

	/** The violations of one object; an unknown apiVersion/kind is a violation too. */
	static List<String> violations(Map<String, Object> object) {
		String key = "kind-" + String.valueOf(object.get("apiVersion")).replace('/', '_') + "_" + object.get("kind");
		if (!SUBSET.path("$defs").has(key)) {
			return List.of("no schema for " + object.get("apiVersion") + " " + object.get("kind"));
		}
		ObjectNode schemaNode = SUBSET.deepCopy();
		schemaNode.put("$ref", "#/$defs/" + key);
		Schema schema = REGISTRY.getSchema(schemaNode);
		JsonNode instance = JSON.valueToTree(object);
		return schema.validate(instance).stream().map(Error::toString).toList();
	}

	private static ObjectNode load() {
		try (InputStream in = KubernetesSchemas.class
			.getResourceAsStream("/kubernetes-schemas/kubernetes-1.31-subset.json")) {
			return (ObjectNode) JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
