package io.towerline.core.tenancy;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's identity: its slug, validated before it can reach SQL. The tenant's
 * PostgreSQL schema is derived from it and nothing else, so a value of this type is
 * always safe to interpolate as a schema name.
 *
 * @param slug lower-case letters, digits and '-', 3 to 40 characters, starting with a
 * letter
 */
public record TenantId(String slug) {

	private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{2,39}$");

	/**
	 * Words that would be confusing or dangerous as tenant names; {@code platform} is the
	 * operator's realm.
	 */
	private static final Set<String> RESERVED = Set.of("public", "platform", "system", "root", "postgres",
			"information-schema");

	/**
	 * Prefix of every tenant schema; keeps tenant schemas apart from {@code public} and
	 * PostgreSQL's own.
	 */
	public static final String SCHEMA_PREFIX = "t_";

	public TenantId {
		if (slug == null || !SLUG.matcher(slug).matches()) {
			throw new InvalidTenantSlugException(slug,
					"must be 3 to 40 characters of lower-case letters, digits and '-', starting with a letter");
		}
		if (RESERVED.contains(slug)) {
			throw new InvalidTenantSlugException(slug, "is reserved");
		}
	}

	public static TenantId of(String slug) {
		return new TenantId(slug);
	}

	/** True when {@code slug} is a valid, unreserved tenant slug. */
	public static boolean isValid(String slug) {
		return slug != null && SLUG.matcher(slug).matches() && !RESERVED.contains(slug);
	}

	/** The tenant's schema, {@code t_<slug with '-' as '_'>}; safe to quote into DDL. */
	public String schemaName() {
		return SCHEMA_PREFIX + this.slug.replace('-', '_').toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return this.slug;
	}

}
