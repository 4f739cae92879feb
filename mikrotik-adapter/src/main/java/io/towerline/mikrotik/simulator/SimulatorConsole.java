package io.towerline.mikrotik.simulator;

import java.io.PrintStream;
import java.util.List;

/** The commands {@link SimulatorMain} reads from standard input while routers run. */
final class SimulatorConsole {

	private final SimulatorFleet fleet;

	private final PrintStream out;

	SimulatorConsole(SimulatorFleet fleet, PrintStream out) {
		this.fleet = fleet;
		this.out = out;
	}

	/** Runs one command line; false when it was {@code quit}. */
	boolean run(String line) {
		List<String> words = List.of(line.trim().split("\\s+"));
		try {
			switch (words.get(0)) {
				case "" -> {
				}
				case "quit", "exit" -> {
					return false;
				}
				case "reboot" -> reboot(words);
				case "connect" -> this.out.println(router(words, 2).connectSubscriber(argument(words, 1)) ? "online"
						: "refused (unknown, disabled or already online)");
				case "disconnect" -> this.out
					.println(router(words, 2).disconnectSubscriber(argument(words, 1)) ? "offline" : "not online");
				case "traffic" ->
					this.out.println(router(words, 4).addTraffic(argument(words, 1), Long.parseLong(argument(words, 2)),
							Long.parseLong(argument(words, 3)), 0, 0) ? "counted" : "not online");
				case "status" -> status();
				case "online" -> this.out.println(this.fleet.onlineSessions());
				default -> this.out.println("commands: reboot [N], connect NAME [N], disconnect NAME [N], "
						+ "traffic NAME RX TX [N], online, status, quit");
			}
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			this.out.println("? " + ex.getMessage());
		}
		return true;
	}

	private void reboot(List<String> words) {
		if (words.size() > 1) {
			this.fleet.get(Integer.parseInt(words.get(1)) - 1).reboot();
		}
		else {
			this.fleet.simulators().forEach(RouterOsSimulator::reboot);
		}
		this.out.println("rebooting");
	}

	private void status() {
		for (RouterOsSimulator simulator : this.fleet.simulators()) {
			this.out.printf("%s port %d: %s, %d online, uptime %s%n", simulator.identity(), simulator.port(),
					simulator.isUp() ? "up" : "rebooting", simulator.onlineCount(), Uptime.format(simulator.uptime()));
		}
	}

	/** Router N (1-based) when the word at {@code index} names it, else router 1. */
	private RouterOsSimulator router(List<String> words, int index) {
		return this.fleet.get((index < words.size()) ? Integer.parseInt(words.get(index)) - 1 : 0);
	}

	private static String argument(List<String> words, int index) {
		if (index >= words.size()) {
			throw new IllegalArgumentException("missing argument");
		}
		return words.get(index);
	}

}
