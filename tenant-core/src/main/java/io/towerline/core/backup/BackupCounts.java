package io.towerline.core.backup;

/**
 * The result line of a backup operation, in words an ISP reads in the operations list and
 * above a router's list of backups: "Took 1 backup", "Took 2 backups, 1 unchanged since
 * the previous one". It counts what this operation took, not what the router has stored:
 * "1 backup stored" above a list of two read as the router's total.
 */
final class BackupCounts {

	private BackupCounts() {
	}

	static String describe(long taken, long unchanged) {
		String line = "Took " + taken + ((taken == 1) ? " backup" : " backups");
		if (unchanged == 0) {
			return line;
		}
		if (unchanged == taken) {
			return line
					+ ((taken == 1) ? ", unchanged since the previous one" : ", all unchanged since the previous ones");
		}
		return line + ", " + unchanged + " unchanged since the previous one";
	}

}
