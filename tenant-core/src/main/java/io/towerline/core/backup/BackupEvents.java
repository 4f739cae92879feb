package io.towerline.core.backup;

/**
 * The {@link io.towerline.core.event.TenantEvent} types backups publish; the subject is
 * the router's id.
 */
final class BackupEvents {

	/**
	 * A backup was stored; data: {@code backupId}, {@code kind}, {@code changed},
	 * {@code size}.
	 */
	public static final String TAKEN = "backup.taken";

	/**
	 * A try to take backups failed; data: {@code operationId}, {@code attempt},
	 * {@code error}.
	 */
	public static final String FAILED = "backup.failed";

	/** A backup was put back on its router; data: {@code backupId}, {@code kind}. */
	public static final String RESTORED = "backup.restored";

	private BackupEvents() {
	}

}
