package io.towerline.core.backup;

/** What a backup holds. */
public enum BackupKind {

	/**
	 * The text export ({@code /export}): readable, comparable line by line, re-applied
	 * with {@code /import} onto a reset router.
	 */
	EXPORT,

	/**
	 * The binary backup ({@code /system/backup/save}): the whole configuration, loaded
	 * back with {@code /system/backup/load} (the router reboots); encrypted by RouterOS
	 * with a password generated per backup.
	 */
	BINARY

}
