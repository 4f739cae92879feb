package io.towerline.core.tenancy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

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
