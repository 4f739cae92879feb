package io.towerline.core.tenancy;

/**
 * Where a tenant's schema is served from now.
 *
 * @param cluster the cluster holding the schema
 * @param moving whether the tenant is in a move's read-only window: its connections
 * refuse writes
 */
public record TenantPlacement(String cluster, boolean moving) {

	/** The main cluster: {@code spring.datasource}, where the platform tables live. */
	public static final String MAIN = "main";

	static final TenantPlacement ON_MAIN = new TenantPlacement(MAIN, false);

}
