package io.towerline.core.tenancy;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each tenant schema is owned by its own database role ({@code tl_<schema>}, no login),
 * and a tenant's connections run as that role ({@link TenantRoleDataSource}), so a query
 * that names another tenant's schema is refused by PostgreSQL itself: the role has no
 * privilege there. Tenant roles share one group role ({@code <login user>_tenants}) that
 * may use the platform's tables in {@code public} (the scheduler's queue, the catalog,
 * rate-limit buckets), which tenant transactions legitimately touch. The application's
 * own login user is made a member of every tenant role: it migrates their schemas and
 * switches to them. Roles are cluster-wide names: one Towerline per PostgreSQL cluster
 * (or distinct tenant slugs across installations).
 */
public final class TenantRoles {

	/**
	 * The group every tenant role belongs to is the login user's name with this suffix:
	 * one group per installation's login user, which the login user itself created and so
	 * may add roles to (a cluster-wide fixed name would belong to whichever installation
	 * created it first).
	 */
	static final String GROUP_SUFFIX = "_tenants";

	private static final String ROLE_PREFIX = "tl_";

	/**
	 * The databases (by client) whose platform tables the group was granted in this
	 * process.
	 */
	private static final Set<JdbcClient> platformGranted = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	private TenantRoles() {
	}

	/** The role owning {@code schema}, or null when it is not a tenant schema. */
	static String roleOf(String schema) {
		return isTenantSchema(schema) ? ROLE_PREFIX + schema : null;
	}

	static boolean isTenantSchema(String schema) {
		return schema != null && schema.startsWith(TenantId.SCHEMA_PREFIX) && schema.matches("[a-z0-9_]+");
	}

	/** The role of a tenant. */
	public static String roleOf(TenantId tenant) {
		return ROLE_PREFIX + tenant.schemaName();
	}

	/**
	 * Creates the tenant's role if missing and hands it the schema and every table, view
	 * and free-standing sequence in it; idempotent, serialized across replicas by an
	 * advisory lock. Run after each migration of the schema, so objects a changeset added
	 * change hands too.
	 */
	public static void claim(JdbcClient jdbc, TenantId tenant) {
		grantPlatformTables(jdbc);
		String schema = tenant.schemaName();
		String role = roleOf(tenant);
		// schema and role come from a validated TenantId: lower-case letters, digits, '_'
		jdbc.sql("""
				DO $$
				DECLARE
				  item record;
				  tenants text := current_user || '%3$s';
				BEGIN
				  PERFORM pg_advisory_xact_lock(hashtext('towerline.tenant-roles'));
				  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
				    EXECUTE format('CREATE ROLE %%I NOLOGIN IN ROLE %%I', '%1$s', tenants);
				  END IF;
				  -- always: since PostgreSQL 16 the creator holds an implicit membership without SET,
				  -- which pg_has_role counts but SET ROLE and ALTER ... OWNER TO do not accept
				  EXECUTE format('GRANT %%I TO %%I', '%1$s', current_user);
				  ALTER SCHEMA "%2$s" OWNER TO "%1$s";
				  FOR item IN
				    SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				    WHERE n.nspname = '%2$s' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
				      AND pg_get_userbyid(c.relowner) <> '%1$s'
				      -- sequences owned by a column follow their table; a partitioned table's
				      -- internal dependency on itself must not hide it
				      AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
				        WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
				  LOOP
				    EXECUTE format('ALTER %%s %%I.%%I OWNER TO %%I',
				      CASE item.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
				        WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, '%2$s', item.relname, '%1$s');
				  END LOOP;
				END $$""".formatted(role, schema, GROUP_SUFFIX)).update();
	}

	/**
	 * The group may use the platform's tables (once per process; tables added later by
	 * the platform changelog are covered by the default privileges).
	 */
	private static void grantPlatformTables(JdbcClient jdbc) {
		if (platformGranted.contains(jdbc)) {
			return;
		}
		jdbc.sql("""
				DO $$
				DECLARE
				  tenants text := current_user || '%1$s';
				BEGIN
				  PERFORM pg_advisory_xact_lock(hashtext('towerline.tenant-roles'));
				  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = tenants) THEN
				    EXECUTE format('CREATE ROLE %%I NOLOGIN', tenants);
				  END IF;
				  EXECUTE format('GRANT USAGE ON SCHEMA public TO %%I', tenants);
				  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %%I', tenants);
				  EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %%I', tenants);
				  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE '
				    || 'ON TABLES TO %%I', tenants);
				  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE '
				    || 'ON SEQUENCES TO %%I', tenants);
				END $$""".formatted(GROUP_SUFFIX)).update();
		platformGranted.add(jdbc);
	}

}
