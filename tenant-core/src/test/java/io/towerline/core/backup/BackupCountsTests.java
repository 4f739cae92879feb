package io.towerline.core.backup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackupCountsTests {

	@Test
	void shouldCountInWords() {
		assertThat(BackupCounts.describe(1, 0)).isEqualTo("1 backup stored");
		assertThat(BackupCounts.describe(2, 0)).isEqualTo("2 backups stored");
		assertThat(BackupCounts.describe(2, 1)).isEqualTo("2 backups stored, 1 unchanged");
		assertThat(BackupCounts.describe(1, 1)).isEqualTo("1 backup stored, 1 unchanged");
	}

}
