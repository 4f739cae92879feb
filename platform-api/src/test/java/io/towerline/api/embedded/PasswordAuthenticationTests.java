package io.towerline.api.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded PostgreSQL asks for a generated password kept in an owner-only file, and a
 * data directory made by an older Towerline (trusting every local user) is switched over
 * on its next start without losing data.
 */
class PasswordAuthenticationTests {

	@TempDir
	Path dataDir;

	private final List<EmbeddedPostgres> servers = new ArrayList<>();

	@AfterEach
	void stop() throws IOException {
		for (EmbeddedPostgres server : this.servers) {
			server.close();
		}
	}

	@Test
	void shouldRefuseAConnectionWithoutThePasswordOnAFreshDirectory() throws Exception {
		EmbeddedPostgres postgres = start();
		Path passwordFile = this.dataDir.resolve(DatabasePassword.FILE_NAME);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
		assertThat(Files.readString(passwordFile).strip()).hasSizeGreaterThanOrEqualTo(32);
		assertRefused(postgres, "");
		assertRefused(postgres, "postgres");
		assertThat(query(postgres, "SELECT current_user")).containsExactly("postgres");
		List<String> hba = Files.readAllLines(this.dataDir.resolve("pgdata/pg_hba.conf"));
		assertThat(PasswordAuthentication.trusts(hba)).isFalse();
		assertThat(hba).anyMatch((line) -> line.startsWith("host") && line.endsWith("scram-sha-256"));
	}

	@Test
	void shouldLogTheServersMessagesButNotTheStatementErrorsItReportsToTheClient() throws Exception {
		EmbeddedPostgres postgres = start();
		assertThat(query(postgres, "SHOW log_min_messages")).containsExactly("log");
	}

	@Test
	void shouldUpgradeATrustingDirectoryAndKeepItsData() throws Exception {
		Path pgdata = this.dataDir.resolve("pgdata");
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(pgdata)
			.setCleanDataDirectory(false)
			.start();
				Connection connection = old.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE kept (value text)");
			statement.execute("INSERT INTO kept VALUES ('before the upgrade')");
		}
		assertThat(PasswordAuthentication.trusts(Files.readAllLines(pgdata.resolve("pg_hba.conf")))).isTrue();

		EmbeddedPostgres upgraded = start();

		assertRefused(upgraded, "");
		assertThat(query(upgraded, "SELECT value FROM kept")).containsExactly("before the upgrade");
		upgraded.close();
		this.servers.remove(upgraded);

		EmbeddedPostgres again = start();
		assertRefused(again, "");
		assertThat(query(again, "SELECT value FROM kept")).containsExactly("before the upgrade");
	}

	@Test
	void shouldRefuseAPasswordFileOthersCanRead() throws Exception {
		start().close();
		this.servers.clear();
		Files.setPosixFilePermissions(this.dataDir.resolve(DatabasePassword.FILE_NAME),
				PosixFilePermissions.fromString("rw-r--r--"));

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> DatabasePassword.of(this.dataDir))
			.withMessageContaining("readable by other users");
	}

	private EmbeddedPostgres start() {
		EmbeddedPostgres postgres = EmbeddedPostgresLauncher
			.start(new EmbeddedProperties(this.dataDir, 0, false, null, null));
		this.servers.add(postgres);
		return postgres;
	}

	private List<String> query(EmbeddedPostgres postgres, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(PasswordAuthentication.url(postgres), "postgres",
				DatabasePassword.of(this.dataDir));
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private static void assertRefused(EmbeddedPostgres postgres, String password) {
		assertThatExceptionOfType(SQLException.class).isThrownBy(
				() -> DriverManager.getConnection(PasswordAuthentication.url(postgres), "postgres", password).close())
			.satisfies((ex) -> assertThat(ex.getSQLState()).isIn("28P01", "08004"));
	}

}
