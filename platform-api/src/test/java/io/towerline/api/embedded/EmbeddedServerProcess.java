package io.towerline.api.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A Towerline stand-in run as a child process: starts the embedded database through the
 * production code path on the data directory in {@code args[0]}, commits a row with the
 * value in {@code args[1]}, prints {@code READY <postgres pid>} and waits to be killed.
 */
public final class EmbeddedServerProcess {

	private EmbeddedServerProcess() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(EmbeddedProperties.of(Path.of(args[0])));
		try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS crash_probe (value text)");
			statement.execute("INSERT INTO crash_probe VALUES ('" + args[1] + "')");
		}
		System.out.println("READY " + OrphanedServerTests.postmasterPid(Path.of(args[0])));
		System.out.flush();
		// the parent kills this process; reading stdin keeps it alive until then
		System.in.read();
	}

}
