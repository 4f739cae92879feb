package io.towerline.core.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A checkout of the role switch sends nothing until it is used (ADR 0251): the first
 * checkout of a physical connection resets it and reads its default schema, later ones
 * send their reset with whatever reaches the server first. Each kind of first use is
 * tried after the last borrower left a tenant's role and search path on the physical
 * connection.
 */
@SpringBootTest
class TenantRoleCheckoutFirstUseTests extends OnePhysicalConnectionTest {

	/**
	 * Whatever the borrower does first, nothing reaches the server in what the last
	 * borrower left (here a tenant's role and search path, left on the physical
	 * connection): the first statement, on the switch or on the connection it unwraps,
	 * runs as the login user in the default schema or in the schema switched to, and the
	 * schema the switch answered before it is the one the statement sees.
	 */
	@Test
	void shouldRunNothingInTheLastBorrowersStateWhateverACheckoutDoesFirst() throws Exception {
		String roleless = rolelessSchema();
		Map<String, FirstUse> uses = new LinkedHashMap<>();
		uses.put("a statement", (connection) -> connection);
		uses.put("a prepared statement", (connection) -> {
			connection.prepareStatement("SELECT 1").close();
			return connection;
		});
		uses.put("metadata", (connection) -> {
			assertThat(connection.getMetaData().getURL()).isNotBlank();
			return connection;
		});
		uses.put("the driver's connection unwrapped",
				(connection) -> (Connection) connection.unwrap(PGConnection.class));
		uses.put("a transaction begun", (connection) -> {
			connection.setAutoCommit(false);
			return connection;
		});
		uses.put("a commit", (connection) -> {
			connection.setAutoCommit(false);
			connection.commit();
			return connection;
		});
		uses.put("a rollback", (connection) -> {
			connection.setAutoCommit(false);
			connection.rollback();
			return connection;
		});
		uses.put("a failed switch", (connection) -> {
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connection.setSchema(roleless));
			return connection;
		});
		uses.put("a switch to the platform", (connection) -> {
			connection.setSchema("public");
			return connection;
		});
		uses.put("a switch in a transaction, rolled back", (connection) -> {
			connection.setAutoCommit(false);
			connection.setSchema(alpha.schemaName());
			connection.rollback();
			return connection;
		});
		uses.put("a failed switch in a transaction, rolled back", (connection) -> {
			connection.setAutoCommit(false);
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connection.setSchema(roleless));
			connection.rollback();
			return connection;
		});
		onOnePhysicalConnection((physical, roles, login) -> {
			try (Connection first = roles.getConnection()) {
				// the physical connection's first checkout reads its default schema
				assertThat(currentSchema(first)).isEqualTo("public");
			}
			for (Map.Entry<String, FirstUse> use : uses.entrySet()) {
				leaveTenantOn(physical, beta);
				try (Connection connection = roles.getConnection()) {
					Connection used = use.getValue().apply(connection);
					String answered = connection.getSchema();
					assertThat(currentUser(used)).as("role after %s", use.getKey()).isEqualTo(login);
					assertThat(currentSchema(used)).as("schema after %s", use.getKey())
						.isEqualTo(answered)
						.isEqualTo("public");
					if (!connection.getAutoCommit()) {
						connection.rollback();
						connection.setAutoCommit(true);
					}
				}
			}
		});
	}

	@FunctionalInterface
	private interface FirstUse {

		/** Does something first with a fresh checkout; answers the connection to read. */
		Connection apply(Connection connection) throws SQLException;

	}

}
