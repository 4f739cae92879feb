package io.towerline.core.identity;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The role names identities may hold, as stored and as carried in tokens. The API's role
 * type maps onto these names one to one.
 */
final class RoleNames {

	static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

	/** Roles of a tenant's users. */
	static final Set<String> TENANT_USER = Set.of("TENANT_ADMIN", "OPERATOR", "VIEWER");

	/**
	 * Roles of a tenant's API clients: machines read and change network data but never
	 * administer the tenant.
	 */
	static final Set<String> API_CLIENT = Set.of("OPERATOR", "VIEWER");

	private RoleNames() {
	}

	static String join(Set<String> roles) {
		return String.join(",", new TreeSet<>(roles));
	}

	static Set<String> split(String roles) {
		return roles.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(roles.split(",")));
	}

}
