package io.towerline.api.security;

import java.util.Optional;

/**
 * What a caller may do. PLATFORM_ADMIN is honoured only for callers of the platform
 * realm.
 */
public enum Role {

	/** The SaaS operator: onboards, suspends and sizes tenants. */
	PLATFORM_ADMIN,

	/** Runs one ISP's account: users, API clients, everything an operator does. */
	TENANT_ADMIN,

	/** Day-to-day staff of one ISP: reads and changes network data. */
	OPERATOR,

	/** Read-only staff of one ISP. */
	VIEWER;

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

	static Optional<Role> parse(String value) {
		for (Role role : values()) {
			if (role.name().equalsIgnoreCase(value)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
