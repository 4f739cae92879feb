package io.towerline.api.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL on the data directory: first clears what a crashed
 * predecessor left there ({@link OrphanedServer}), then starts zonky's server durable
 * unless told otherwise, without zonky's JVM shutdown hook. That hook would stop the
 * server the moment the JVM is asked to exit, while the application is still finishing
 * and handing back work; the server is stopped by the Spring context instead, after
 * everything that uses it. The server asks for the password of {@link DatabasePassword}
 * ({@link PasswordAuthentication}).
 */
public final class EmbeddedPostgresLauncher {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

	private EmbeddedPostgresLauncher() {
	}

	public static EmbeddedPostgres start(EmbeddedProperties properties) {
		Path dataDir = properties.dataDir().resolve("pgdata").toAbsolutePath();
		try {
			Files.createDirectories(dataDir);
			report(OrphanedServer.clear(dataDir, properties.orphanStopTimeout()), dataDir);
			long started = System.nanoTime();
			String password = DatabasePassword.of(properties.dataDir());
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(properties.startupTimeout())
				.setServerConfig("max_connections", "200")
				// the server's own messages (start, recovery, stop) are logged; a
				// statement
				// error is the client's to report — Liquibase probing for its lock table
				// printed "ERROR: relation ... does not exist" at every start and new
				// tenant
				.setServerConfig("log_min_messages", "log")
				// zonky's readiness probe connects as the superuser: once pg_hba.conf
				// asks for
				// the password, it must have it
				.setConnectConfig("password", password);
			durability(builder, properties.isDurable());
			if (properties.databasePort() > 0) {
				builder.setPort(properties.databasePort());
			}
			EmbeddedPostgres postgres = builder.start();
			PasswordAuthentication.enforce(postgres, dataDir, password);
			log.info("Embedded PostgreSQL started in {} ms on port {} with data in {}{}",
					(System.nanoTime() - started) / 1_000_000, postgres.getPort(), dataDir,
					properties.isDurable() ? "" : " (NOT durable: fsync and synchronous_commit off)");
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir
					+ " (see the PostgreSQL log lines above for the reason)", ex);
		}
	}

	/**
	 * zonky passes {@code -F} (fsync off) and sets {@code synchronous_commit=off}; the
	 * {@code -c} settings come after {@code -F} on the command line and win.
	 */
	private static void durability(EmbeddedPostgres.Builder builder, boolean durable) {
		String value = durable ? "on" : "off";
		builder.setServerConfig("fsync", value)
			.setServerConfig("synchronous_commit", value)
			.setServerConfig("full_page_writes", value);
	}

	private static void report(OrphanedServer.Recovery recovery, Path dataDir) {
		switch (recovery) {
			case NOTHING_LEFT -> {
			}
			case DEAD_PID_FILE -> log.info("Embedded PostgreSQL in {} was not shut down cleanly (its server is gone); "
					+ "it recovers from its write-ahead log on this start", dataDir);
			case FOREIGN_PID_FILE_REMOVED -> log.warn(
					"Removed a stale postmaster.pid in {}: the process it names is "
							+ "not a PostgreSQL on this directory; the database recovers from its write-ahead log",
					dataDir);
			case ORPHAN_STOPPED -> log.warn("Stopped the embedded PostgreSQL left running in {} by a Towerline that "
					+ "ended without shutting down; its data is kept and this start reuses it", dataDir);
		}
	}

}
