package io.towerline.core.tenancy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Production's login user is no superuser: it owns its database and may create roles,
 * nothing more. As such a user, claiming tenant schemas and switching to their roles must
 * work, and the boundary between tenants must hold (a superuser would pass every check).
 */
class TenantRolesAsApplicationUserTests {

	@Test
	void shouldClaimAndIsolateTenantsAsANonSuperuserThatMayCreateRoles() throws Exception {
		TestDatabase.Server server = TestDatabase.server();
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String user = "app_" + suffix;
		String database = "app_db_" + suffix;
		try (Connection admin = DriverManager.getConnection(server.url(), server.username(), server.password());
				Statement statement = admin.createStatement()) {
			statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD 'app' CREATEROLE");
			statement.execute("CREATE DATABASE " + database + " OWNER " + user);
		}
		// without the server URL's own parameters: they name the superuser
		String url = server.url().replaceFirst("/[^/?]+(\\?.*)?$", "/" + database);
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, user, "app"));
		TenantId alpha = TenantId.of("alpha-" + suffix.replace('_', 'x'));
		TenantId beta = TenantId.of("beta-" + suffix.replace('_', 'x'));
		jdbc.sql("CREATE TABLE public.queue (id bigint GENERATED ALWAYS AS IDENTITY, task text)").update();
		for (TenantId tenant : new TenantId[] { alpha, beta }) {
			jdbc.sql("CREATE SCHEMA " + tenant.schemaName()).update();
			jdbc.sql("CREATE TABLE " + tenant.schemaName() + ".pop (id bigint GENERATED ALWAYS AS IDENTITY, name text)")
				.update();
			TenantRoles.claim(jdbc, tenant);
		}

		try (Connection physical = DriverManager.getConnection(url, user, "app")) {
			TenantRoleDataSource roles = new TenantRoleDataSource(new SingleConnectionDataSource(physical, true));
			try (Connection connection = roles.getConnection()) {
				connection.setSchema(alpha.schemaName());
				execute(connection, "INSERT INTO pop (name) VALUES ('north')");
				execute(connection, "INSERT INTO public.queue (task) VALUES ('sync')");
				assertThat(single(connection, "SELECT current_user")).isEqualTo(TenantRoles.roleOf(alpha));
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> single(connection, "SELECT count(*) FROM " + beta.schemaName() + ".pop"))
					.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
			}
			assertThat(single(physical, "SELECT current_user")).isEqualTo(user);
			assertThat(single(physical, "SELECT count(*) FROM " + alpha.schemaName() + ".pop"))
				.as("the login user still reaches every tenant, as migrations need")
				.isEqualTo("1");
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
