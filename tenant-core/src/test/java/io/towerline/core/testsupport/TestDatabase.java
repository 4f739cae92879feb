package io.towerline.core.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL for the whole test JVM: the embedded server (zonky, PostgreSQL 17
 * binaries) by default, or a Testcontainers PostgreSQL where Docker exists and
 * {@code -Dtowerline.test.database=testcontainers} is set. Started on first use, stopped
 * when the JVM exits.
 */
public final class TestDatabase {

	private static final String MODE_PROPERTY = "towerline.test.database";

	private static volatile Server server;

	private TestDatabase() {
	}

	/** Points a Spring test context at the shared database. */
	public static void register(DynamicPropertyRegistry registry) {
		Server db = server();
		registry.add("spring.datasource.url", db::url);
		registry.add("spring.datasource.username", db::username);
		registry.add("spring.datasource.password", db::password);
	}

	/**
	 * A tenant slug no other test uses, so tests can share one database without cleaning
	 * up.
	 */
	public static String uniqueSlug(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public static Server server() {
		Server db = server;
		if (db == null) {
			synchronized (TestDatabase.class) {
				db = server;
				if (db == null) {
					db = start();
					server = db;
				}
			}
		}
		return db;
	}

	private static Server start() {
		String mode = System.getProperty(MODE_PROPERTY, System.getenv().getOrDefault("TOWERLINE_TEST_DATABASE", ""));
		if ("testcontainers".equalsIgnoreCase(mode)) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		try {
			Path data = Files.createTempDirectory("towerline-test-pg");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setDataDirectory(data)
				// removed after the JVM, below
				.setCleanDataDirectory(false)
				.start();
			// stopped after Spring has closed every test context (Spring runs its
			// shutdown
			// handlers then): as a JVM hook of its own it raced Spring's, and a server
			// stopped under open contexts left their sweeps and running jobs waiting on
			// connections until db-scheduler gave up (8 s per context), past the 30 s
			// surefire gives a test JVM to exit
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is exiting; the server goes with its data directory
				}
				removeAfterExit(data);
			});
			return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", ex);
		}
	}

	/**
	 * Removes the server's data directory in a process of its own that outlives the JVM.
	 * After a whole suite it holds tens of thousands of files (every test makes tenants,
	 * each a schema of some 40 tables and their indexes): deleting them one by one in the
	 * shutdown hook took longer than the 30 s surefire gives a test JVM to exit, so every
	 * run waited 30 s and surefire then halted the JVM with the directory half deleted.
	 */
	private static void removeAfterExit(Path directory) {
		try {
			new ProcessBuilder("rm", "-rf", directory.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			// no rm (not a POSIX system): delete here, slowly
			try (Stream<Path> files = Files.walk(directory)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
			catch (IOException walk) {
				// left for the system's temporary-file cleanup
			}
		}
	}

	/**
	 * Where the shared database listens.
	 *
	 * @param url JDBC URL
	 * @param username user name
	 * @param password password
	 */
	public record Server(String url, String username, String password) {

	}

}
