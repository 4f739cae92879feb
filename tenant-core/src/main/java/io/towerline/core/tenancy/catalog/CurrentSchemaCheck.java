package io.towerline.core.tenancy.catalog;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.TenantRoles;
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.integration.spring.SpringResourceAccessor;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tells, from two catalog reads, whether a tenant schema already holds every changeset of
 * a changelog with the same checksum, and is owned by the tenant's role — so that
 * start-up can leave it alone without running Liquibase, which parses the whole changelog
 * and computes every checksum again for each schema (ADR 0196). The changelog is parsed
 * once per replica. Anything it cannot prove current (a changeset missing or edited, a
 * changeset that runs always or on change, an object another role owns, no history table)
 * is left to Liquibase and the role claim.
 */
final class CurrentSchemaCheck {

	private final ResourceLoader resourceLoader;

	private final Map<String, Expected> expected = new ConcurrentHashMap<>();

	CurrentSchemaCheck(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	/** Whether the schema is current; {@code jdbc} is the connection holding its lock. */
	boolean isCurrent(JdbcClient jdbc, TenantId tenant, String changelog) {
		Expected changesets = this.expected.computeIfAbsent(changelog, this::parse);
		if (changesets.keys() == null) {
			return false;
		}
		String schema = tenant.schemaName();
		boolean settled = jdbc.sql("""
				SELECT to_regclass(:history) IS NOT NULL
				  AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :role)
				  AND NOT EXISTS (SELECT 1 FROM pg_namespace n
				    WHERE n.nspname = :schema AND pg_get_userbyid(n.nspowner) <> :role)
				  AND NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				    WHERE n.nspname = :schema AND c.relkind IN ('r', 'p', 'v', 'm')
				      AND pg_get_userbyid(c.relowner) <> :role)""")
			.param("history", schema + ".databasechangelog")
			.param("role", TenantRoles.roleOf(tenant))
			.param("schema", schema)
			.query(Boolean.class)
			.single();
		if (!settled) {
			return false;
		}
		// schema comes from a validated TenantId: lower-case letters, digits and '_' only
		Set<String> applied = new HashSet<>(jdbc
			.sql("SELECT id, author, filename, md5sum FROM \"" + schema + "\".databasechangelog WHERE exectype IN "
					+ "('EXECUTED', 'MARK_RAN')")
			.query((row, i) -> key(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
			.list());
		return applied.containsAll(changesets.keys());
	}

	private Expected parse(String changelog) {
		try {
			ResourceAccessor accessor = new SpringResourceAccessor(this.resourceLoader);
			DatabaseChangeLog parsed = Scope.child(Map.<String, Object>of(Scope.Attr.resourceAccessor.name(), accessor),
					() -> ChangeLogParserFactory.getInstance()
						.getParser(changelog, accessor)
						.parse(changelog, new ChangeLogParameters(), accessor));
			Set<String> keys = new HashSet<>();
			for (ChangeSet changeSet : parsed.getChangeSets()) {
				if (changeSet.isAlwaysRun() || changeSet.isRunOnChange()) {
					return new Expected(null);
				}
				keys.add(key(changeSet.getId(), changeSet.getAuthor(), changeSet.getStoredFilePath(),
						changeSet.generateCheckSum(ChecksumVersion.latest()).toString()));
			}
			return new Expected(Set.copyOf(keys));
		}
		catch (Exception ex) {
			// Liquibase itself will report what is wrong with the changelog
			return new Expected(null);
		}
	}

	private static String key(@Nullable String id, @Nullable String author, @Nullable String file,
			@Nullable String checksum) {
		return id + '\u0000' + author + '\u0000' + file + '\u0000' + checksum;
	}

	/** The changesets' keys, or null when the changelog cannot be checked this way. */
	private record Expected(@Nullable Set<String> keys) {
	}

}
