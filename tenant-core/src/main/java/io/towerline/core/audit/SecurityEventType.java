package io.towerline.core.audit;

/** What happened. Stable names: clients filter on them. */
public enum SecurityEventType {

	/** A user signed in. */
	LOGIN_SUCCEEDED,

	/** A sign-in was refused (wrong password, unknown or disabled user). */
	LOGIN_FAILED,

	/** A user was created. */
	USER_CREATED,

	/** A user was disabled. */
	USER_DISABLED,

	/** A user was enabled again. */
	USER_ENABLED,

	/** A user's roles changed. */
	ROLE_CHANGED,

	/** A user's password was reset by an admin. */
	PASSWORD_RESET,

	/** An API client was created. */
	CLIENT_CREATED,

	/** An API client was given a new secret. */
	CLIENT_SECRET_ROTATED,

	/** An API client was revoked. */
	CLIENT_REVOKED,

	/** A tenant was suspended. */
	TENANT_SUSPENDED,

	/** A tenant was reactivated. */
	TENANT_REACTIVATED,

	/** A tenant's rate-limit tier changed. */
	TENANT_TIER_CHANGED,

	/** The authorization server's signing key was rotated. */
	SIGNING_KEY_ROTATED,

	// tenant moves between clusters (issue 14, ADR 0174)

	/** A platform admin asked for a tenant to move to another cluster. */
	TENANT_MOVE_REQUESTED,

	/** A tenant's schema now lives on another cluster. */
	TENANT_MOVED,

	/** A tenant's move failed and was rolled back; the tenant stayed where it was. */
	TENANT_MOVE_FAILED

}
