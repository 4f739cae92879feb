package io.towerline.core.tenancy.catalog;

import io.towerline.core.tenancy.TenantId;

/**
 * A tenant schema could not be brought up to date. Carries the reason that is recorded on
 * the tenant.
 */
class TenantMigrationException extends RuntimeException {

	private final TenantId tenant;

	private final String reason;

	TenantMigrationException(TenantId tenant, String reason, Throwable cause) {
		super("Migration of tenant '" + tenant + "' failed: " + reason, cause);
		this.tenant = tenant;
		this.reason = reason;
	}

	public TenantId tenant() {
		return this.tenant;
	}

	public String reason() {
		return this.reason;
	}

}
