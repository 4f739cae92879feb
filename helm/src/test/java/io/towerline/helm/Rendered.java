package io.towerline.helm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The documents one render produced, found by kind. */
record Rendered(List<Map<String, Object>> documents) {

	Optional<Map<String, Object>> find(String kind) {
		return this.documents.stream().filter((document) -> kind.equals(document.get("kind"))).findFirst();
	}

	Map<String, Object> get(String kind) {
		return find(kind).orElseThrow(() -> new AssertionError("no " + kind + " rendered; kinds: " + kinds()));
	}

	List<String> kinds() {
		return this.documents.stream().map((document) -> String.valueOf(document.get("kind"))).sorted().toList();
	}

	/**
	 * A value by a dotted path; list elements by index ({@code spec.containers.0.name}).
	 */
	@SuppressWarnings("unchecked")
	static Object at(Object root, String path) {
		Object current = root;
		for (String step : path.split("\\.")) {
			if (current instanceof Map<?, ?> map) {
				current = ((Map<String, Object>) map).get(step);
			}
			else if (current instanceof List<?> list) {
				current = list.get(Integer.parseInt(step));
			}
			else {
				throw new AssertionError("no " + step + " in " + path + " (stopped at " + current + ")");
			}
		}
		return current;
	}

	/** The platform container's environment, by name. */
	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> env(Map<String, Object> workload) {
		List<Map<String, Object>> env = (List<Map<String, Object>>) at(workload, "spec.template.spec.containers.0.env");
		Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
		env.forEach((variable) -> byName.put((String) variable.get("name"), variable));
		return byName;
	}

}
