package io.towerline.mikrotik.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulated router until the process is stopped:
 * {@code java -jar mikrotik-adapter/target/mikrotik-adapter-<version>.jar --port 8728 --version 7.19 --secrets 1000}.
 */
public final class SimulatorMain {

	private static final String USAGE = """
			usage: SimulatorMain [--port 8728] [--bind 127.0.0.1] [--version 6.49|7.16|7.19] [--secrets N]
			                     [--online 0.3] [--user admin] [--password secret] [--identity NAME]
			                     [--latency-ms 0] [--legacy-login]""";

	private SimulatorMain() {
	}

	public static void main(String[] args) throws InterruptedException, UnknownHostException {
		RouterOsSimulator.Builder builder = RouterOsSimulator.builder().port(8728).recordCommands(false);
		String user = "admin";
		String password = "";
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (option.equals("--legacy-login")) {
				builder.legacyLogin(true);
				continue;
			}
			if (option.equals("--help") || i + 1 >= args.length) {
				System.out.println(USAGE);
				return;
			}
			String value = args[++i];
			switch (option) {
				case "--port" -> builder.port(Integer.parseInt(value));
				case "--bind" -> builder.bindAddress(InetAddress.getByName(value));
				case "--version" -> builder.version(SimulatorVersion.parse(value));
				case "--secrets" -> builder.secrets(Integer.parseInt(value));
				case "--online" -> builder.onlineShare(Double.parseDouble(value));
				case "--user" -> user = value;
				case "--password" -> password = value;
				case "--identity" -> builder.identity(value);
				case "--latency-ms" -> builder.latency(Duration.ofMillis(Long.parseLong(value)));
				default -> {
					System.out.println(USAGE);
					return;
				}
			}
		}
		RouterOsSimulator simulator = builder.user(user, password).start();
		System.out.printf("RouterOS %s simulator listening on port %d (user '%s', %d secrets)%n",
				simulator.version().versionString(), simulator.port(), user, simulator.secretCount());
		Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
		new CountDownLatch(1).await();
	}

}
