package io.towerline.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real Keycloak for the whole test JVM, started from the unpacked distribution
 * (system property {@code keycloak.home}) in dev mode on a free loopback port, with the
 * realms of {@code docs/keycloak} (system property {@code keycloak.realms}) imported into
 * a fresh database, and stopped with the JVM.
 */
final class KeycloakServer {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

	private static volatile KeycloakServer instance;

	private final Process process;

	private final int port;

	private KeycloakServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** The running server, started on first use. */
	static KeycloakServer get() {
		KeycloakServer server = instance;
		if (server == null) {
			synchronized (KeycloakServer.class) {
				server = instance;
				if (server == null) {
					server = start();
					instance = server;
				}
			}
		}
		return server;
	}

	/** The issuer of a realm, as it appears in the realm's tokens. */
	String issuer(String realm) {
		return "http://127.0.0.1:" + this.port + "/realms/" + realm;
	}

	private static KeycloakServer start() {
		Path home = Path.of(required("keycloak.home"));
		Path realms = Path.of(required("keycloak.realms"));
		try {
			Path imports = home.resolve("data/import");
			deleteTree(home.resolve("data"));
			Files.createDirectories(imports);
			try (Stream<Path> files = Files.list(realms)) {
				for (Path realm : files.filter((file) -> file.toString().endsWith("-realm.json")).toList()) {
					Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			int port = freePort();
			ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
					"--http-host=127.0.0.1", "--http-port=" + port, "--import-realm", "--cache=local")
				.redirectErrorStream(true)
				.redirectOutput(home.resolve("keycloak.log").toFile());
			Map<String, String> environment = builder.environment();
			environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
			environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-" + port);
			environment.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
			Process process = builder.start();
			KeycloakServer server = new KeycloakServer(process, port);
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-stop"));
			server.awaitRealm("towerline", home.resolve("keycloak.log"));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitRealm(String realm, Path log) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI discovery = URI.create(issuer(realm) + "/.well-known/openid-configuration");
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Keycloak stopped while starting; see " + log);
			}
			try {
				HttpResponse<Void> response = client.send(HttpRequest.newBuilder(discovery).GET().build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for Keycloak", ex);
			}
			this.process.onExit().completeOnTimeout(this.process, 1, TimeUnit.SECONDS).join();
		}
		stop();
		throw new IllegalStateException(
				"Keycloak did not serve realm " + realm + " within " + START_TIMEOUT + "; see " + log);
	}

	private void stop() {
		this.process.descendants().forEach(ProcessHandle::destroy);
		this.process.destroy();
		this.process.onExit().completeOnTimeout(this.process, 30, TimeUnit.SECONDS).join();
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static String required(String property) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(
					"System property " + property + " is not set: run with the keycloak Maven profile (./mvnw verify)");
		}
		return value;
	}

}
