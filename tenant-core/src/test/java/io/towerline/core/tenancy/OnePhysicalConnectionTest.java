package io.towerline.core.tenancy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Base of tests that drive the role switch over one physical connection of the
 * application's pool and compare what the switch says with what PostgreSQL says on that
 * connection. Two tenants with roles are onboarded once per JVM.
 */
abstract class OnePhysicalConnectionTest extends DatabaseTest {

	protected static TenantId alpha;

	protected static TenantId beta;

	@Autowired
	private TenantOnboarding onboarding;

	@Autowired
	private DataSource dataSource;

	@BeforeEach
	void tenants() {
		if (alpha == null) {
			alpha = onboard("switch-a");
			beta = onboard("switch-b");
		}
	}

	/**
	 * Runs the body with one physical connection, a switch over it alone, and the login
	 * user's name; afterwards the physical connection is rolled back and reset, whatever
	 * the body left on it.
	 */
	protected void onOnePhysicalConnection(OnConnection body) throws Exception {
		try (Connection physical = ((TenantRoleDataSource) this.dataSource).getTargetDataSource().getConnection()) {
			String login = currentUser(physical);
			TenantRoleDataSource roles = new TenantRoleDataSource(new SingleConnectionDataSource(physical, true));
			try {
				body.run(physical, roles, login);
			}
			finally {
				if (!physical.getAutoCommit()) {
					physical.rollback();
					physical.setAutoCommit(true);
				}
				execute(physical, "RESET ROLE; RESET search_path");
			}
		}
	}

	/**
	 * Leaves the tenant's role and search path on the physical connection, as a borrower
	 * whose switch back was undone would.
	 */
	protected static void leaveTenantOn(Connection physical, TenantId tenant) throws SQLException {
		execute(physical, "SET SESSION search_path TO '" + tenant.schemaName() + "'; SET ROLE \""
				+ TenantRoles.roleOf(tenant) + "\"");
	}

	/** A tenant schema's name that has no role, so a switch to it fails. */
	protected static String rolelessSchema() {
		return TenantId.SCHEMA_PREFIX + "roleless_" + Long.toHexString(System.nanoTime());
	}

	protected static String currentUser(Connection connection) throws SQLException {
		return queryOne(connection, "SELECT current_user");
	}

	protected static String currentSchema(Connection connection) throws SQLException {
		return queryOne(connection, "SELECT current_schema()");
	}

	protected static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String queryOne(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private TenantId onboard(String prefix) {
		String slug = TestDatabase.uniqueSlug(prefix);
		this.onboarding.onboard(slug, "Tenant " + slug, RateLimitTier.STANDARD);
		return TenantId.of(slug);
	}

	@FunctionalInterface
	protected interface OnConnection {

		void run(Connection physical, TenantRoleDataSource roles, String login) throws Exception;

	}

}
