package io.towerline.api.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded PostgreSQL ask for the password. zonky's {@code initdb} trusts every
 * local user ({@code -A trust}), so on a shared machine any account could connect as the
 * superuser. The first start after {@code initdb} (and the first start of a data
 * directory made by an older Towerline) sets the superuser's password and rewrites
 * {@code pg_hba.conf} to {@code scram-sha-256}, then reloads; data is untouched. The
 * steps are ordered so that a crash between them is repaired by the next start: the
 * password file exists before the role gets the password, and the role has it before
 * {@code pg_hba.conf} demands it.
 */
final class PasswordAuthentication {

	static final String SUPERUSER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(PasswordAuthentication.class);

	private PasswordAuthentication() {
	}

	/**
	 * Enforces password authentication on a running server.
	 * @return whether a trusting data directory was upgraded on this start
	 */
	static boolean enforce(EmbeddedPostgres postgres, Path pgdata, String password) {
		Path hba = pgdata.resolve("pg_hba.conf");
		try {
			List<String> lines = Files.readAllLines(hba);
			if (!trusts(lines)) {
				return false;
			}
			try (Connection connection = DriverManager.getConnection(url(postgres), SUPERUSER, "");
					Statement statement = connection.createStatement()) {
				statement.execute("SET password_encryption = 'scram-sha-256'");
				statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password.replace("'", "''") + "'");
				writeAtomically(hba, lines.stream().map(PasswordAuthentication::scram).toList());
				statement.execute("SELECT pg_reload_conf()");
			}
			log.info("Embedded PostgreSQL in {} now requires the password kept in {}", pgdata,
					DatabasePassword.FILE_NAME);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not switch " + hba + " to password authentication", ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set the embedded PostgreSQL's password in " + pgdata, ex);
		}
	}

	static String url(EmbeddedPostgres postgres) {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
	}

	/** Connection properties for the superuser with the password. */
	static Properties credentials(String password) {
		Properties properties = new Properties();
		properties.setProperty("user", SUPERUSER);
		properties.setProperty("password", password);
		return properties;
	}

	static boolean trusts(List<String> hbaLines) {
		return hbaLines.stream().map(PasswordAuthentication::method).anyMatch("trust"::equals);
	}

	/**
	 * The authentication method of a {@code pg_hba.conf} rule, or null for other lines.
	 */
	private static @Nullable String method(String line) {
		String rule = line.strip();
		if (rule.isEmpty() || rule.startsWith("#")) {
			return null;
		}
		String[] fields = rule.split("\\s+");
		// local DATABASE USER METHOD; host DATABASE USER ADDRESS METHOD (or ADDRESS MASK)
		int methodIndex = fields[0].equals("local") ? 3 : 4;
		if (!fields[0].equals("local") && fields.length > 5 && fields[4].matches("[0-9.]+")) {
			methodIndex = 5;
		}
		return (fields.length > methodIndex) ? fields[methodIndex] : null;
	}

	private static String scram(String line) {
		return "trust".equals(method(line)) ? line.replaceFirst("\\btrust\\b", "scram-sha-256") : line;
	}

	private static void writeAtomically(Path file, List<String> lines) throws IOException {
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.write(temporary, lines);
		if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
			Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
		}
		try {
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
