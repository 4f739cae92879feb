package io.towerline.mikrotik.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/** The command words the simulated router knows, e.g. {@code /ppp/secret/print}. */
final class CommandTable {

	private final Map<String, SimulatedCommand> commands = new ConcurrentHashMap<>();

	void register(String path, SimulatedCommand command) {
		this.commands.put(path, command);
	}

	@Nullable SimulatedCommand find(String path) {
		SimulatedCommand command = this.commands.get(path);
		if (command == null && path.endsWith("/getall")) {
			// getall is the old alias of print (DOC-API)
			return this.commands.get(path.substring(0, path.length() - "getall".length()) + "print");
		}
		return command;
	}

	/**
	 * Whether any command lives under {@code menu}; decides between "no such command" and
	 * "...prefix".
	 */
	boolean knowsMenu(String menu) {
		return this.commands.keySet().stream().anyMatch((path) -> path.startsWith(menu + "/"));
	}

}
