package io.towerline.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The chart under {@code helm/towerline}, rendered and linted through helm-java (Helm's
 * own Go code).
 */
final class Chart {

	static final Path DIRECTORY = Path.of("towerline");

	static final String KUBE_VERSION = "1.31.0";

	private Chart() {
	}

	static Path ciValues(String name) {
		return DIRECTORY.resolve("ci").resolve(name);
	}

	/**
	 * Renders the chart with a values file, as {@code helm template}; each document
	 * parsed.
	 */
	static Rendered template(Path valuesFile) {
		return template(valuesFile, Map.of());
	}

	/**
	 * Renders with a values file and {@code --set} overrides. helm-java leaves hooks out
	 * of the manifest, so a hook is inspected by rendering with hooks off.
	 */
	static Rendered template(Path valuesFile, Map<String, Object> sets) {
		TemplateCommand command = new Helm(DIRECTORY).template()
			.withName("towerline")
			.withNamespace("towerline")
			.withKubeVersion(KUBE_VERSION)
			.withValuesFile(valuesFile);
		sets.forEach(command::set);
		return new Rendered(parse(command.call()));
	}

	/**
	 * {@code helm lint --strict} with a values file. helm-java's lint reads only the
	 * chart's own values.yaml, so it lints a copy whose values.yaml is the defaults
	 * merged with the file, as Helm merges them.
	 */
	static LintResult lintStrict(Path valuesFile, Path workDirectory) {
		Path copy = workDirectory.resolve("towerline");
		copyTree(DIRECTORY, copy);
		Map<String, Object> merged = merge(load(DIRECTORY.resolve("values.yaml")), load(valuesFile));
		write(copy.resolve("values.yaml"), new Yaml().dump(merged));
		return new Helm(copy).lint().strict().call();
	}

	static List<Map<String, Object>> parse(String manifest) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml().loadAll(manifest)) {
			if (document instanceof Map<?, ?> map) {
				documents.add(cast(map));
			}
		}
		return documents;
	}

	static Map<String, Object> load(Path file) {
		try {
			Object loaded = yaml().load(Files.readString(file));
			return (loaded instanceof Map<?, ?> map) ? cast(map) : new LinkedHashMap<>();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
		Map<String, Object> merged = new LinkedHashMap<>(base);
		override.forEach((key, value) -> {
			if (value instanceof Map<?, ?> overrideMap && merged.get(key) instanceof Map<?, ?> baseMap) {
				merged.put(key, merge((Map<String, Object>) baseMap, (Map<String, Object>) overrideMap));
			}
			else {
				merged.put(key, value);
			}
		});
		return merged;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	private static Yaml yaml() {
		return new Yaml(new SafeConstructor(new LoaderOptions()));
	}

	private static void copyTree(Path from, Path to) {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
