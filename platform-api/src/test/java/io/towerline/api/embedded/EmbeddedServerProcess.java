package io.towerline.api.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A Towerline stand-in run as a child process: starts the embedded database through the
 * production code path on the data directory in {@code args[0]}, commits a row with the
 * value in {@code args[1]}, prints {@code READY <postgres pid>} and waits to be killed.
 * With {@code args[2] = work-at-shutdown} it behaves like the platform on SIGTERM: its
 * shutdown hook keeps using the database for a while (as the scheduler hands work back)
 * and closes the server last, printing how many of its statements succeeded.
 */
public final class EmbeddedServerProcess {

	static final int SHUTDOWN_STATEMENTS = 200;

	private EmbeddedServerProcess() {
	}

	private static String dataDir = "";

	public static void main(String[] args) throws Exception {
		dataDir = args[0];
		EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(EmbeddedProperties.of(Path.of(args[0])));
		try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"),
				"postgres", DatabasePassword.of(Path.of(dataDir)));
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS crash_probe (value text)");
			statement.execute("INSERT INTO crash_probe VALUES ('" + args[1] + "')");
		}
		if (args.length > 2 && args[2].equals("work-at-shutdown")) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> workThenClose(postgres)));
		}
		System.out.println("READY " + OrphanedServerTests.postmasterPid(Path.of(args[0])));
		System.out.flush();
		// the parent kills this process; reading stdin keeps it alive until then
		System.in.read();
	}

	private static void workThenClose(EmbeddedPostgres postgres) {
		int succeeded = 0;
		try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"),
				"postgres", DatabasePassword.of(Path.of(dataDir)));
				Statement statement = connection.createStatement()) {
			for (int i = 0; i < SHUTDOWN_STATEMENTS; i++) {
				// about a second of work in all, timed by the server
				statement.execute("SELECT pg_sleep(0.005)");
				succeeded++;
			}
		}
		catch (Exception ex) {
			System.out.println("SHUTDOWN-WORK-FAILED " + ex);
		}
		System.out.println("SHUTDOWN-STATEMENTS " + succeeded);
		System.out.flush();
		try {
			postgres.close();
		}
		catch (IOException ex) {
			System.out.println("CLOSE-FAILED " + ex);
		}
	}

}
