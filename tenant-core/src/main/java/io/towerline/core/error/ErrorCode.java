package io.towerline.core.error;

/**
 * Stable error codes. Clients match on these; never rename one, only add. The schema's
 * {@code UserErrorCode} enum lists exactly these (platform-api's
 * {@code ClientErrorCodesTests} fails when the two disagree).
 */
public enum ErrorCode {

	/**
	 * The object does not exist, or belongs to another tenant (the two are
	 * indistinguishable on purpose).
	 */
	NOT_FOUND,

	/** Input the caller can fix; details are in the field errors. */
	VALIDATION_FAILED,

	/** A value that must be unique is already taken. */
	DUPLICATE,

	/** The object changed since it was read (optimistic locking). */
	CONCURRENT_MODIFICATION,

	/** The operation is not allowed in the object's current state. */
	INVALID_STATE,

	/** A tenant slug that breaks the slug rules. */
	INVALID_TENANT_SLUG,

	/** Tenant-scoped work attempted with no tenant bound. */
	TENANT_REQUIRED,

	/** The caller's tenant is not in the catalog. */
	TENANT_UNKNOWN,

	/** The caller's tenant is suspended. */
	TENANT_SUSPENDED,

	/**
	 * The caller's tenant exists but is not ready (provisioning, or its migration
	 * failed).
	 */
	TENANT_UNAVAILABLE,

	/**
	 * The database could not be reached (restarting, failing over, out of connections).
	 * Retryable: nothing was changed unless the failure hit the commit itself, so read
	 * the object again before repeating a change.
	 */
	DATABASE_UNAVAILABLE,

	/** The router refused the username or password it was given. */
	ROUTER_AUTH_FAILED,

	/**
	 * The router's TLS certificate matched neither a trusted CA nor the pinned
	 * fingerprint.
	 */
	ROUTER_TLS_UNTRUSTED,

	/** The router could not be reached at the given host and port. */
	ROUTER_UNREACHABLE,

	// backups

	/**
	 * A restore's confirmation did not match what it must be ({@code RESTORE <router
	 * name>}); nothing was done.
	 */
	CONFIRMATION_MISMATCH,

	/**
	 * This platform cannot hand a backup to a router (no download address for routers is
	 * configured), so backups cannot be restored.
	 */
	BACKUP_RESTORE_UNAVAILABLE,

	// reports (issue 13)

	/** A report's period ends before it starts or starts in the future. */
	REPORT_PERIOD_INVALID,

	/** A report's period is longer than reports may cover. */
	REPORT_PERIOD_TOO_LONG,

	/** The tenant has as many reports being generated as it may; ask again later. */
	REPORTS_BUSY,

	/** The report's files are not ready (still generating, or generation failed). */
	REPORT_NOT_READY,

	// backups (issue 11): restore links a router cannot follow

	/**
	 * The platform's address for routers is one this router cannot reach (a loopback
	 * address, derived in the embedded mode, for a router elsewhere); set
	 * {@code towerline.backup.router-base-url}.
	 */
	BACKUP_RESTORE_UNREACHABLE,

	// tenant placement over clusters (issue 14, ADR 0173/0174)

	/** No PostgreSQL cluster of that name is configured. */
	UNKNOWN_CLUSTER,

	/**
	 * The tenant is being moved to another cluster: writes are refused for the short
	 * read-only window; reads are served. Retry in a few seconds.
	 */
	TENANT_MOVING,

	// router connection checks (ADR 0212)

	/**
	 * The tenant started as many router connection checks as it may for now; try again in
	 * the seconds the message names.
	 */
	ROUTER_CHECKS_EXHAUSTED,

	// report generation that failed or died (issue 13, ADR 0223)

	/** A report's generation failed; the report's failure says why. */
	REPORT_GENERATION_FAILED,

	/**
	 * A report's generation died (its replica stopped) as many times as a report is
	 * tried; it is not tried again. Ask for the report again.
	 */
	REPORT_GENERATION_ABANDONED

}
