package io.towerline.api.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated routers in a JVM of their own, started with the simulator's command line
 * ({@code SimulatorMain}) on this JVM's class path and driven through its console: the
 * platform's JVM then holds only what production's does. Runs at the lowest CPU priority
 * ({@code nice}) where there is one, so on a shared machine the routers' own work yields
 * to the platform's, as routers elsewhere would.
 */
final class SimulatorProcess implements BenchFleet {

	private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

	private final Process process;

	private final Writer console;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final List<Integer> ports = new ArrayList<>();

	private SimulatorProcess(Process process, int routers, Duration timeout) {
		this.process = process;
		this.console = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		Thread.ofPlatform().daemon().name("simulator-process-output").start(this::readOutput);
		while (this.ports.size() < routers) {
			Matcher listening = LISTENING.matcher(next(timeout));
			if (listening.find()) {
				this.ports.add(Integer.parseInt(listening.group(1)));
			}
		}
	}

	/**
	 * Starts {@code routers} routers with these simulator options (see
	 * {@code SimulatorOptions.USAGE}) and waits until all listen.
	 */
	static SimulatorProcess start(int routers, List<String> options) {
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
			command.addAll(List.of("/usr/bin/nice", "-n", "19"));
		}
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xmx" + System.getProperty("bench.simulatorHeap", "1g"), "-cp",
				System.getProperty("java.class.path"), "io.towerline.mikrotik.simulator.SimulatorMain", "--port", "0",
				"--routers", Integer.toString(routers)));
		command.addAll(options);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			return new SimulatorProcess(process, routers, Duration.ofMinutes(5));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public List<Integer> ports() {
		return List.copyOf(this.ports);
	}

	@Override
	public synchronized boolean connect(int index, String name) {
		return ask("connect " + name + " " + (index + 1)).equals("online");
	}

	@Override
	public synchronized int onlineSessions() {
		return Integer.parseInt(ask("online"));
	}

	/** CPU the routers used so far (zero where the system does not say). */
	Duration cpu() {
		return this.process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	private String ask(String command) {
		this.lines.clear();
		try {
			this.console.write(command + "\n");
			this.console.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return next(Duration.ofSeconds(30));
	}

	private String next(Duration timeout) {
		try {
			String line = this.lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (line == null) {
				throw new IllegalStateException("the simulator process said nothing for " + timeout
						+ (this.process.isAlive() ? "" : " (it exited with " + this.process.exitValue() + ")"));
			}
			return line.strip();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void readOutput() {
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				this.lines.add(line);
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	@Override
	public void close() {
		try {
			this.console.write("quit\n");
			this.console.flush();
		}
		catch (IOException ex) {
			// already gone
		}
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroy();
		}
	}

}
