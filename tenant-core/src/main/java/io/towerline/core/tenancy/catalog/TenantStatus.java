package io.towerline.core.tenancy.catalog;

/** Lifecycle of a tenant. Only ACTIVE tenants are served. */
public enum TenantStatus {

	/** Being onboarded: the schema or its migration is not complete yet. */
	PROVISIONING,

	/** Served normally. */
	ACTIVE,

	/** Turned off by a platform admin; data kept, requests rejected. */
	SUSPENDED,

	/** The tenant's schema migration failed; the reason is kept on the tenant. */
	FAILED

}
