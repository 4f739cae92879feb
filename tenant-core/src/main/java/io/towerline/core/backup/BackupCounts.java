package io.towerline.core.backup;

/**
 * The result line of a backup operation, in words an ISP reads in the operations list: "1
 * backup stored", "2 backups stored, 1 unchanged".
 */
final class BackupCounts {

	private BackupCounts() {
	}

	static String describe(long stored, long unchanged) {
		String line = stored + ((stored == 1) ? " backup stored" : " backups stored");
		return (unchanged == 0) ? line : line + ", " + unchanged + " unchanged";
	}

}
