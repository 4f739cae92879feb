package io.towerline.core.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server of its own, outside the application: the machine's Debian
 * PostgreSQL ({@code /usr/lib/postgresql/15}, or {@code TOWERLINE_PG_BIN}) started with
 * initdb and pg_ctl on a temporary directory and a free loopback port, so scale-out tests
 * run replicas against a server none of them started. Where those binaries are missing
 * (CI without the package) it falls back to zonky's binaries, still a separate server. As
 * root (PostgreSQL refuses to run as root) the server runs as the {@code postgres} user.
 */
public final class ExternalPostgres implements AutoCloseable {

	private static final Path DEBIAN_BIN = Path.of("/usr/lib/postgresql/15/bin");

	private final int port;

	private final @Nullable Path directory;

	private final @Nullable Path bin;

	private final @Nullable EmbeddedPostgres zonky;

	private ExternalPostgres(int port, @Nullable Path directory, @Nullable Path bin, @Nullable EmbeddedPostgres zonky) {
		this.port = port;
		this.directory = directory;
		this.bin = bin;
		this.zonky = zonky;
	}

	/** Starts a new server (fsync off: a test server, not a durable one). */
	public static ExternalPostgres start() {
		String configured = System.getenv("TOWERLINE_PG_BIN");
		Path bin = (configured != null) ? Path.of(configured) : DEBIAN_BIN;
		try {
			int port = freePort();
			if (Files.isExecutable(bin.resolve("pg_ctl")) && Files.isExecutable(bin.resolve("initdb"))) {
				return startFrom(bin, port);
			}
			EmbeddedPostgres zonky = EmbeddedPostgres.builder()
				.setPort(port)
				.setServerConfig("max_connections", "400")
				.setServerConfig("fsync", "off")
				.start();
			return new ExternalPostgres(port, null, null, zonky);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start an external PostgreSQL", ex);
		}
	}

	private static ExternalPostgres startFrom(Path bin, int port) throws IOException {
		Path directory = Files.createTempDirectory("towerline-pg");
		Path data = directory.resolve("data");
		if (asRoot()) {
			run(List.of("chown", "postgres", directory.toString()));
		}
		run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
				"--no-sync", "-E", "UTF8"));
		run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
				directory.resolve("server.log").toString(), "-w", "-t", "120", "-o",
				"-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c max_connections=400"
						+ " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
				"start"));
		return new ExternalPostgres(port, directory, bin, null);
	}

	/**
	 * Where the server listens, as the superuser {@code postgres} of database
	 * {@code postgres}.
	 */
	public TestDatabase.Server server() {
		return new TestDatabase.Server("jdbc:postgresql://127.0.0.1:" + this.port + "/postgres", "postgres",
				"postgres");
	}

	/** Which binaries run the server, for reports. */
	public String describe() {
		return (this.bin != null) ? this.bin.toString() : "zonky embedded binaries";
	}

	@Override
	public void close() {
		try {
			if (this.zonky != null) {
				this.zonky.close();
				return;
			}
			if (this.bin != null && this.directory != null) {
				run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.directory.resolve("data").toString(),
						"-m", "immediate", "stop"));
				try (Stream<Path> files = Files.walk(this.directory)) {
					files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void run(List<String> command) throws IOException {
		List<String> line = new ArrayList<>();
		if (asRoot() && !command.get(0).equals("chown")) {
			line.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--clear-groups"));
		}
		line.addAll(command);
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		try {
			if (process.waitFor() != 0) {
				throw new IOException(String.join(" ", line) + " failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted: " + String.join(" ", line), ex);
		}
	}

	private static boolean asRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
