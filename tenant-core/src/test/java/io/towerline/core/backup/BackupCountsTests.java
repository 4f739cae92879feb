package io.towerline.core.backup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackupCountsTests {

	@Test
	void shouldCountWhatTheOperationTookNotWhatIsStored() {
		// shown above the router's whole list of backups: a count that reads as a total
		// ("1 backup stored" above two listed) is not true there
		assertThat(BackupCounts.describe(1, 0)).isEqualTo("Took 1 backup");
		assertThat(BackupCounts.describe(2, 0)).isEqualTo("Took 2 backups");
		assertThat(BackupCounts.describe(2, 1)).isEqualTo("Took 2 backups, 1 unchanged since the previous one");
	}

	@Test
	void shouldNotCountAnUnchangedBackupTwice() {
		// was "1 backup stored, 1 unchanged": one backup read as two
		assertThat(BackupCounts.describe(1, 1)).isEqualTo("Took 1 backup, unchanged since the previous one");
		assertThat(BackupCounts.describe(2, 2)).isEqualTo("Took 2 backups, all unchanged since the previous ones");
	}

}
