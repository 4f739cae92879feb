package io.towerline.api.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.towerline.TowerlineApplication;

import static org.awaitility.Awaitility.await;

/**
 * One platform replica in a JVM of its own, started from the test class path with the
 * given settings and killed with SIGKILL ({@link Process#destroyForcibly()}): no shutdown
 * hook, no hand-back, no lease given back, as when a node dies.
 */
final class ReplicaProcess {

	private final String name;

	private final int port;

	private final Process process;

	private ReplicaProcess(String name, int port, Process process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	static ReplicaProcess start(String name, Map<String, String> settings, Path logDirectory) {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx400m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-cp",
				System.getProperty("java.class.path"), TowerlineApplication.class.getName()));
		settings.forEach((key, value) -> command.add("--" + key + "=" + value));
		command.add("--server.port=" + port);
		command.add("--towerline.sessions.replica-id=" + name);
		// db-scheduler names a replica by its host name, the same for every JVM here
		command.add("--db-scheduler.scheduler-name=" + name);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(logDirectory.resolve(name + ".log").toFile())
				.start();
			return new ReplicaProcess(name, port, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	/** Waits until the replica's readiness probe answers 200. */
	void awaitReady(Duration atMost) {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest probe = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue());
			}
			try {
				return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	/** SIGKILL: the JVM gets no chance to clean up. */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
