package io.towerline.core.tenancy.placement;

import java.util.List;

import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant schema, as the whole tenant changelog builds it, reaches nothing outside
 * itself: no foreign key, view, column default or trigger refers to another schema, so it
 * can be copied alone to another cluster or distributed by a schema-sharding engine (ADR
 * 0167). A changeset that adds such a reference fails here.
 */
@SpringBootTest
class TenantSchemaSelfContainedTests extends DatabaseTest {

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldKeepEveryTenantObjectInsideItsSchema() {
		String slug = TestDatabase.uniqueSlug("contained");
		this.onboarding.onboard(slug, slug, RateLimitTier.STARTER);
		String schema = TenantId.of(slug).schemaName();

		assertThat(list("""
				SELECT k.conname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
				JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class r ON r.oid = k.confrelid
				WHERE k.contype = 'f' AND n.nspname = ? AND r.relnamespace <> n.oid""", schema))
			.as("foreign keys to other schemas")
			.isEmpty();
		assertThat(list("""
				SELECT DISTINCT v.relname FROM pg_class v JOIN pg_namespace n ON n.oid = v.relnamespace
				JOIN pg_rewrite w ON w.ev_class = v.oid JOIN pg_depend d ON d.objid = w.oid
				JOIN pg_class t ON t.oid = d.refobjid
				WHERE n.nspname = ? AND v.relkind IN ('v', 'm') AND t.relnamespace <> n.oid""", schema))
			.as("views reading other schemas")
			.isEmpty();
		assertThat(list("""
				SELECT c.relname || '.' || a.attname FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid
				JOIN pg_namespace n ON n.oid = c.relnamespace
				JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.adnum
				WHERE n.nspname = ? AND pg_get_expr(d.adbin, d.adrelid) ~ '(public|t_[a-z0-9_]+)\\.'""", schema))
			.as("column defaults naming another schema")
			.isEmpty();
		assertThat(list("""
				SELECT g.tgname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
				JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = g.tgfoid
				WHERE n.nspname = ? AND NOT g.tgisinternal AND p.pronamespace <> n.oid
				  AND p.pronamespace <> 'pg_catalog'::regnamespace""", schema))
			.as("triggers running functions of other schemas")
			.isEmpty();
	}

	private List<String> list(String sql, String schema) {
		return this.jdbc.sql(sql).param(schema).query(String.class).list();
	}

}
