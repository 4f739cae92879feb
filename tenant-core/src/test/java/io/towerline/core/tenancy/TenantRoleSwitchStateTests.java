package io.towerline.core.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The role switch answers {@link Connection#getSchema} from what it last set (ADR 0197);
 * that answer, and the role it resets, must be the server's whatever undid a switch: a
 * rollback, a rollback to a savepoint, a switch whose {@code SET ROLE} failed after its
 * {@code SET search_path}, a pool handing out connections inside a transaction (ADR
 * 0214). Each case runs on one physical connection and compares what the switch says with
 * what PostgreSQL says; after every hand-back the next borrower, tenant or platform, must
 * start as the login user in the default schema.
 */
@SpringBootTest
class TenantRoleSwitchStateTests extends OnePhysicalConnectionTest {

	@Test
	void shouldAnswerTheServersSchemaAfterASwitchToATenantIsRolledBack() throws Exception {
		onOnePhysicalConnection((physical, roles, login) -> {
			try (Connection connection = roles.getConnection()) {
				connection.setAutoCommit(false);
				connection.setSchema(alpha.schemaName());
				connection.rollback();

				assertSameAsServer(connection, physical);
				assertThat(currentUser(physical)).isEqualTo(login);
				connection.setAutoCommit(true);
			}
			assertHandedBackClean(physical, login);
		});
	}

	@Test
	void shouldResetTheRoleWhenASwitchBackToThePlatformIsRolledBack() throws Exception {
		onOnePhysicalConnection((physical, roles, login) -> {
			try (Connection connection = roles.getConnection()) {
				connection.setSchema(alpha.schemaName());
				connection.setAutoCommit(false);
				connection.setSchema("public");
				connection.rollback();

				assertSameAsServer(connection, physical);
				assertThat(currentUser(physical)).as("the rollback brought the tenant's role back")
					.isEqualTo(TenantRoles.roleOf(alpha));
				// a platform unit of work on the same checkout
				connection.setSchema("public");
				assertThat(currentUser(physical)).isEqualTo(login);
				assertSameAsServer(connection, physical);
				connection.setAutoCommit(true);
			}
			assertHandedBackClean(physical, login);
		});
	}

	@Test
	void shouldAnswerTheServersSchemaAfterARollbackToASavepoint() throws Exception {
		onOnePhysicalConnection((physical, roles, login) -> {
			try (Connection connection = roles.getConnection()) {
				connection.setAutoCommit(false);
				connection.setSchema(alpha.schemaName());
				Savepoint before = connection.setSavepoint();
				connection.setSchema(beta.schemaName());
				connection.rollback(before);

				assertSameAsServer(connection, physical);
				assertThat(currentUser(physical)).isEqualTo(TenantRoles.roleOf(alpha));
				connection.rollback();
				assertSameAsServer(connection, physical);
				assertThat(currentUser(physical)).isEqualTo(login);
				connection.setAutoCommit(true);
			}
			assertHandedBackClean(physical, login);
		});
	}

	@Test
	void shouldKeepTheServersStateWhenTheRoleFailsAfterTheSearchPath() throws Exception {
		String roleless = rolelessSchema();
		onOnePhysicalConnection((physical, roles, login) -> {
			try (Connection connection = roles.getConnection()) {
				connection.setSchema(alpha.schemaName());
				assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connection.setSchema(roleless));

				assertSameAsServer(connection, physical);
				assertThat(currentUser(physical)).isEqualTo(TenantRoles.roleOf(alpha));
			}
			assertHandedBackClean(physical, login);

			try (Connection connection = roles.getConnection()) {
				connection.setAutoCommit(false);
				connection.setSchema(alpha.schemaName());
				assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connection.setSchema(roleless));
				connection.rollback();

				assertSameAsServer(connection, physical);
				assertThat(currentUser(physical)).isEqualTo(login);
				connection.setAutoCommit(true);
			}
			assertHandedBackClean(physical, login);
		});
	}

	@Test
	void shouldStartAPlatformUnitOfWorkInTheDefaultSchemaWhateverTheLastBorrowerLeft() throws Exception {
		onOnePhysicalConnection((physical, roles, login) -> {
			String platformSchema = currentSchema(physical);
			// what a release whose switch back was undone leaves on a pooled connection
			leaveTenantOn(physical, alpha);

			try (Connection platform = roles.getConnection()) {
				// plain JDBC (the scheduler, a JdbcClient outside a transaction) sets no
				// schema
				assertThat(currentSchema(platform)).isEqualTo(platformSchema);
				assertThat(currentUser(platform)).isEqualTo(login);
				assertSameAsServer(platform, physical);
			}
		});
	}

	@Test
	void shouldStartAsTheLoginUserWhenThePoolHandsOutConnectionsInATransaction() throws Exception {
		onOnePhysicalConnection((physical, roles, login) -> {
			physical.setAutoCommit(false);
			try (Connection connection = roles.getConnection()) {
				connection.setSchema(alpha.schemaName());
				connection.commit();
			}
			physical.rollback();
			assertThat(currentUser(physical)).as("the hand-back's reset was not undone").isEqualTo(login);

			execute(physical, "SET ROLE \"" + TenantRoles.roleOf(alpha) + "\"");
			physical.commit();
			try (Connection connection = roles.getConnection()) {
				connection.rollback();
				assertThat(currentUser(physical)).as("the checkout's reset was not undone").isEqualTo(login);
				assertSameAsServer(connection, physical);
			}
			physical.rollback();
			physical.setAutoCommit(true);
		});
	}

	/**
	 * The class of problem rather than its examples: random walks of switches, failed
	 * switches, transactions, savepoints, commits and rollbacks; after every step the
	 * switch answers the server's schema, runs as the role that schema implies, and every
	 * hand-back leaves the login user in the default schema.
	 */
	@Test
	void shouldAnswerTheServersSchemaAndRoleAfterAnySequenceOfSwitchesAndTransactions() throws Exception {
		String roleless = rolelessSchema();
		List<String> schemas = List.of("public", alpha.schemaName(), beta.schemaName(), roleless);
		onOnePhysicalConnection((physical, roles, login) -> {
			for (int seed = 1; seed <= 25; seed++) {
				Random random = new Random(seed);
				List<String> steps = new ArrayList<>();
				try (Connection connection = roles.getConnection()) {
					Savepoint savepoint = null;
					boolean aborted = false;
					for (int i = 0; i < 30; i++) {
						int step = random.nextInt(7);
						if (aborted) {
							step = 3;
						}
						switch (step) {
							case 0, 1 -> {
								String schema = schemas.get(random.nextInt(schemas.size()));
								steps.add("setSchema " + schema);
								try {
									connection.setSchema(schema);
								}
								catch (SQLException ex) {
									aborted = !connection.getAutoCommit();
								}
							}
							case 2 -> {
								steps.add("begin");
								connection.setAutoCommit(false);
							}
							case 3 -> {
								steps.add("rollback");
								if (!connection.getAutoCommit()) {
									connection.rollback();
								}
								savepoint = null;
								aborted = false;
							}
							case 4 -> {
								steps.add("commit");
								if (!connection.getAutoCommit()) {
									connection.commit();
								}
								savepoint = null;
							}
							case 5 -> {
								if (!connection.getAutoCommit() && savepoint == null) {
									steps.add("savepoint");
									savepoint = connection.setSavepoint();
								}
								else if (savepoint != null) {
									steps.add("rollback to savepoint");
									connection.rollback(savepoint);
									savepoint = null;
								}
							}
							default -> {
								steps.add("autocommit on");
								connection.setAutoCommit(true);
								savepoint = null;
							}
						}
						// not after every step, so that a checkout's pending reset meets
						// more than one call before a statement sends it
						if (!aborted && random.nextBoolean()) {
							assertSameAsServer(connection, physical, "seed " + seed + " after " + steps);
						}
					}
					if (!connection.getAutoCommit()) {
						connection.rollback();
						connection.setAutoCommit(true);
					}
				}
				assertThat(currentUser(physical)).as("hand-back, seed %d after %s", seed, steps).isEqualTo(login);
				try (Connection next = roles.getConnection()) {
					assertThat(next.getSchema()).as("next checkout, seed %d", seed).isEqualTo("public");
					assertThat(currentSchema(next)).isEqualTo("public");
					assertThat(currentUser(next)).isEqualTo(login);
				}
			}
		});
	}

	private static void assertSameAsServer(Connection connection, Connection physical) throws SQLException {
		assertSameAsServer(connection, physical, "");
	}

	/**
	 * The switch's schema is the server's, and the server runs as the role that schema
	 * implies: the tenant's own for a tenant schema with a role, the login user
	 * otherwise.
	 */
	private static void assertSameAsServer(Connection connection, Connection physical, String after)
			throws SQLException {
		String answered = connection.getSchema();
		// what the next statement through the switch runs in: a reset still pending from
		// the checkout is sent first (ADR 0251)
		String server = currentSchema(connection);
		assertThat(answered).as("schema %s", after).isEqualTo(server).isEqualTo(physical.getSchema());
		assertThat(connection.getSchema()).as("schema afterwards %s", after).isEqualTo(server);
		String user = currentUser(physical);
		if (server != null && TenantRoles.isTenantSchema(server) && !server.contains("roleless")) {
			assertThat(user).as("role in %s %s", server, after).isEqualTo(TenantRoles.roleOf(server));
		}
		else {
			assertThat(user).as("role in %s %s", server, after).doesNotStartWith("tl_");
		}
	}

	private static void assertHandedBackClean(Connection physical, String login) throws SQLException {
		assertThat(currentUser(physical)).as("role after the hand-back").isEqualTo(login);
	}

}
