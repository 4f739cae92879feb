package io.towerline.mikrotik.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs simulated routers until the process is stopped (or {@code quit} is typed):
 * {@code java -jar mikrotik-adapter/target/mikrotik-adapter-<version>.jar --port 8728 --version 7.19 --secrets 1000 --online 0.3 --churn 0.05}.
 * Options and the commands read from standard input are in
 * {@link SimulatorOptions#USAGE}.
 */
public final class SimulatorMain {

	private SimulatorMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		SimulatorOptions options;
		try {
			options = SimulatorOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(SimulatorOptions.USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.println(SimulatorOptions.USAGE);
			return;
		}
		SimulatorFleet fleet = SimulatorFleet.start(options.routers(), options.port(),
				(router) -> options.configure(router, options.routers() > 1));
		PrintStream out = System.out;
		for (RouterOsSimulator simulator : fleet.simulators()) {
			out.printf("RouterOS %s simulator '%s' listening on port %d (user '%s', %d secrets, %d online)%n",
					simulator.version().versionString(), simulator.identity(), simulator.port(), options.user(),
					simulator.secretCount(), simulator.onlineCount());
		}
		CountDownLatch stopped = new CountDownLatch(1);
		ScheduledFuture<?> reboots = options.rebootEvery().isZero() ? null
				: SimulatorTicker.every(options.rebootEvery(), options.rebootEvery(), () -> {
					fleet.simulators().forEach(RouterOsSimulator::reboot);
					out.println("rebooted");
				});
		Runtime.getRuntime().addShutdownHook(new Thread(fleet::close));
		Thread.ofVirtual().name("simulator-console").start(() -> {
			readCommands(new SimulatorConsole(fleet, out));
			stopped.countDown();
		});
		stopped.await();
		if (reboots != null) {
			SimulatorTicker.stop(reboots);
		}
		fleet.close();
	}

	/** Reads commands until {@code quit}; without a console (end of input) runs on. */
	private static void readCommands(SimulatorConsole console) {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (!console.run(line)) {
					return;
				}
			}
			new CountDownLatch(1).await();
		}
		catch (IOException ex) {
			// no console: run until the process is stopped
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
