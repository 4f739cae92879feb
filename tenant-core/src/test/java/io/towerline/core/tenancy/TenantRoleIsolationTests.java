package io.towerline.core.tenancy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Defence in depth: a tenant's connection runs as the tenant's own role, so even a query
 * that names another tenant's schema (a bug that forgot the tenant) is refused by
 * PostgreSQL, through Hibernate and through plain JDBC alike, while the tenant's own data
 * and the platform's shared tables stay reachable.
 */
@SpringBootTest
class TenantRoleIsolationTests extends DatabaseTest {

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	private TenantId alpha;

	private TenantId beta;

	@BeforeEach
	void tenants() {
		this.alpha = onboard("alpha");
		this.beta = onboard("beta");
	}

	@Test
	void shouldRefuseAQueryQualifiedWithAnotherTenantsSchema() {
		String stray = "SELECT count(*) FROM " + this.beta.schemaName() + ".pop";

		assertThatException().isThrownBy(() -> asTenant(this.alpha, stray))
			.satisfies((ex) -> assertThat(rootMessage(ex)).contains("permission denied"));
		assertThatException()
			.isThrownBy(() -> TenantContext.runAs(this.alpha, () -> this.transactions.executeWithoutResult((status) -> {
				this.entityManager.createNativeQuery("SELECT 1").getSingleResult();
				this.jdbc.sql(stray).query(Long.class).single();
			})))
			.as("plain JDBC in the tenant's transaction is refused too")
			.satisfies((ex) -> assertThat(rootMessage(ex)).contains("permission denied"));
	}

	@Test
	void shouldReachItsOwnSchemaAndThePlatformsTablesAsItsRole() {
		assertThat(asTenant(this.alpha, "SELECT count(*) FROM pop")).isEqualTo(0L);
		assertThat(asTenant(this.alpha, "SELECT count(*) FROM " + this.alpha.schemaName() + ".pop")).isEqualTo(0L);
		assertThat(asTenant(this.alpha, "SELECT current_user")).isEqualTo(TenantRoles.roleOf(this.alpha));
		assertThat(((Number) asTenant(this.alpha, "SELECT count(*) FROM public.tenant")).longValue()).isPositive();
	}

	@Test
	void shouldGiveTheConnectionBackWithItsRoleReset() throws Exception {
		try (Connection physical = ((TenantRoleDataSource) this.dataSource).getTargetDataSource().getConnection()) {
			String loginUser = currentUser(physical);
			SingleConnectionDataSource single = new SingleConnectionDataSource(physical, true);
			TenantRoleDataSource roles = new TenantRoleDataSource(single);

			try (Connection tenant = roles.getConnection()) {
				tenant.setSchema(this.alpha.schemaName());
				assertThat(currentUser(tenant)).isEqualTo(TenantRoles.roleOf(this.alpha));
			}
			assertThat(currentUser(physical)).as("closed without switching back").isEqualTo(loginUser);
			try (Connection tenant = roles.getConnection()) {
				tenant.setSchema(this.beta.schemaName());
				assertThat(currentUser(tenant)).isEqualTo(TenantRoles.roleOf(this.beta));
				tenant.setSchema("public");
				assertThat(currentUser(tenant)).isEqualTo(loginUser);
			}
		}
	}

	@Test
	void shouldNotLeaveARoleOnThePooledConnectionWhenTheResetWasRolledBack() throws Exception {
		try (Connection physical = ((TenantRoleDataSource) this.dataSource).getTargetDataSource().getConnection()) {
			String loginUser = currentUser(physical);
			SingleConnectionDataSource single = new SingleConnectionDataSource(physical, true);
			TenantRoleDataSource roles = new TenantRoleDataSource(single);

			try (Connection tenant = roles.getConnection()) {
				tenant.setSchema(this.alpha.schemaName());
				tenant.setAutoCommit(false);
				// the switch back happens inside a transaction that fails: PostgreSQL
				// undoes
				// the RESET ROLE with it
				tenant.setSchema("public");
				tenant.rollback();
				tenant.setAutoCommit(true);
			}
			try (Connection next = roles.getConnection()) {
				assertThat(currentUser(next)).as("the next caller starts as the login user").isEqualTo(loginUser);
				next.setSchema(this.beta.schemaName());
				assertThat(currentUser(next)).isEqualTo(TenantRoles.roleOf(this.beta));
			}
		}
	}

	/**
	 * What Hibernate does with every tenant-bound connection (read the schema, switch to
	 * the tenant's, switch back, close) costs two round trips once the physical
	 * connection has been reset and read once, each statement counted on the physical
	 * connection (ADRs 0197, 0251): the checkout's reset goes with the switch. The schema
	 * it reads is the server's.
	 */
	@Test
	void shouldBindAndReleaseATenantInTwoRoundTrips() throws Exception {
		try (Connection physical = ((TenantRoleDataSource) this.dataSource).getTargetDataSource().getConnection()) {
			// as a pooled connection is between units of work: Hibernate switched it back
			physical.setSchema("public");
			String serverSchema = currentSchema(physical);
			List<String> sent = new ArrayList<>();
			// each checkout wrapped anew by a wrapper that unwraps to itself, as
			// statement
			// counters and tracing wrappers do
			SingleConnectionDataSource single = new SingleConnectionDataSource(physical, true);
			TenantRoleDataSource roles = new TenantRoleDataSource(new DelegatingDataSource(single) {

				@Override
				public Connection getConnection() throws SQLException {
					return counting(super.getConnection(), sent);
				}

			});
			try (Connection first = roles.getConnection()) {
				assertThat(first.getSchema()).isEqualTo(serverSchema);
			}
			// what the last borrower may leave: the role is reset on hand-back, a search
			// path undone by a rollback is not
			physical.setSchema(this.beta.schemaName());
			sent.clear();

			try (Connection tenant = roles.getConnection()) {
				String initial = tenant.getSchema();
				tenant.setSchema(this.alpha.schemaName());
				assertThat(tenant.getSchema()).isEqualTo(currentSchema(physical)).isEqualTo(this.alpha.schemaName());
				assertThat(currentUser(physical)).isEqualTo(TenantRoles.roleOf(this.alpha));
				tenant.setSchema(initial);
				assertThat(initial).isEqualTo(serverSchema).isEqualTo("public");
			}
			assertThat(sent).as("round trips of one tenant-bound checkout").hasSize(2);
			assertThat(currentSchema(physical)).isEqualTo(serverSchema);
		}
	}

	/** A connection that lists every statement and schema call sent through it. */
	private static Connection counting(Connection target, List<String> sent) {
		return (Connection) Proxy.newProxyInstance(TenantRoleIsolationTests.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
						return proxy;
					}
					if (method.getName().equals("getSchema") || method.getName().equals("setSchema")) {
						sent.add(method.getName());
					}
					Object result = invoke(method, target, args);
					if (result instanceof Statement statement) {
						return Proxy.newProxyInstance(TenantRoleIsolationTests.class.getClassLoader(),
								new Class<?>[] { Statement.class }, (inner, call, callArgs) -> {
									if (call.getName().startsWith("execute")) {
										sent.add((String) callArgs[0]);
									}
									return invoke(call, statement, callArgs);
								});
					}
					return result;
				});
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	private static String currentSchema(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	@Test
	void shouldOwnEverySchemaObjectByTheTenantsRole() {
		long foreign = this.jdbc
			.sql("""
					SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
					WHERE n.nspname = :schema AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> :role""")
			.param("schema", this.alpha.schemaName())
			.param("role", TenantRoles.roleOf(this.alpha))
			.query(Long.class)
			.single();
		String schemaOwner = this.jdbc.sql("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = :schema")
			.param("schema", this.alpha.schemaName())
			.query(String.class)
			.single();

		long partitioned = this.jdbc.sql("""
				SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = :schema AND c.relkind = 'p'""")
			.param("schema", this.alpha.schemaName())
			.query(Long.class)
			.single();

		assertThat(partitioned).as("the tenant changelog has partitioned tables").isPositive();
		assertThat(foreign).isZero();
		assertThat(schemaOwner).isEqualTo(TenantRoles.roleOf(this.alpha));
	}

	private Object asTenant(TenantId tenant, String sql) {
		return TenantContext.callAs(tenant, () -> this.transactions
			.execute((status) -> this.entityManager.createNativeQuery(sql).getSingleResult()));
	}

	private TenantId onboard(String prefix) {
		String slug = TestDatabase.uniqueSlug(prefix);
		this.onboarding.onboard(slug, "Tenant " + slug, RateLimitTier.STANDARD);
		return TenantId.of(slug);
	}

	private static String currentUser(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT current_user")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage());
	}

}
