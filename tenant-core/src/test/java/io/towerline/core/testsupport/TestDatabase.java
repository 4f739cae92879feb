package io.towerline.core.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

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
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is exiting; the temporary data directory goes with it
				}
			}));
			return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", ex);
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
