package io.towerline.mikrotik.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code /import file-name=}: runs the lines of an export script the simulator can
 * understand ({@code /ppp profile}, {@code /ppp secret} and {@code /system identity}
 * sections with {@code add} and {@code set}). Like RouterOS it stops at the first line
 * that fails, keeping what the lines before it did, and reports the line.
 */
final class ScriptImport {

	private final SimulatedRouter router;

	ScriptImport(SimulatedRouter router) {
		this.router = router;
	}

	void run(ApiRequest request, ReplyChannel reply) {
		String name = request.attribute("file-name");
		String script = (name != null) ? this.router.files().contents(name) : null;
		if (script == null) {
			reply.fail(1, "no such file");
			return;
		}
		String section = "";
		String[] lines = script.split("\r?\n");
		for (int number = 1; number <= lines.length; number++) {
			String line = lines[number - 1].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("/")) {
				section = line;
				continue;
			}
			String error = apply(section, line);
			if (error != null) {
				reply.fail(null, error + " (line " + number + ")");
				return;
			}
		}
		reply.done();
	}

	private @Nullable String apply(String section, String line) {
		List<String> words = words(line);
		if (words.isEmpty()) {
			return "syntax error";
		}
		Map<String, String> properties = new LinkedHashMap<>();
		for (String word : words.subList(1, words.size())) {
			int equals = word.indexOf('=');
			if (equals > 0) {
				properties.put(word.substring(0, equals), word.substring(equals + 1));
			}
		}
		return switch (section + " " + words.get(0)) {
			case "/ppp profile add" -> add(this.router.profiles(), properties, "profile");
			case "/ppp secret add" -> add(this.router.secrets(), withSecretDefaults(properties), "secret");
			case "/system identity set" -> {
				this.router.identity(properties.getOrDefault("name", this.router.identity()));
				yield null;
			}
			default -> "bad command name " + words.get(0) + " in " + section;
		};
	}

	private static Map<String, String> withSecretDefaults(Map<String, String> properties) {
		properties.putIfAbsent("service", "any");
		properties.putIfAbsent("password", "");
		properties.putIfAbsent("disabled", "false");
		return properties;
	}

	private static @Nullable String add(ItemTable table, Map<String, String> properties, String what) {
		String name = properties.get("name");
		if (name == null) {
			return "failure: " + what + " without a name";
		}
		String id = table.add(properties, (item) -> table.hasOtherNamed(name, null)
				? "failure: " + what + " with the same name already exists" : null);
		return id.startsWith("!") ? id.substring(1) : null;
	}

	/** Splits on spaces outside quotes and undoes the export's quoting. */
	static List<String> words(String line) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted && c == '\\' && i + 1 < line.length()) {
				char next = line.charAt(++i);
				word.append(switch (next) {
					case 'r' -> '\r';
					case 'n' -> '\n';
					default -> next;
				});
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ' ' && !quoted) {
				if (!word.isEmpty()) {
					words.add(word.toString());
					word.setLength(0);
				}
			}
			else {
				word.append(c);
			}
		}
		if (!word.isEmpty()) {
			words.add(word.toString());
		}
		return words;
	}

}
