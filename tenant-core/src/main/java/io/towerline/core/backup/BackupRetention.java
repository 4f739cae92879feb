package io.towerline.core.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.towerline.core.credentials.SealedSecrets;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prunes the current tenant's backups to its retention: each router keeps its
 * {@code keepLast} newest backups of each kind, and older ones for {@code keepDays}.
 * Blobs no backup refers to any more go with them, and so do the sealed passwords of
 * binary backups, once the deletion has committed.
 */
@Service
class BackupRetention {

	private final RouterBackupRepository backups;

	private final BackupBlobs blobs;

	private final BackupSchedule schedule;

	private final SealedSecrets sealed;

	private final Clock clock;

	BackupRetention(RouterBackupRepository backups, BackupBlobs blobs, BackupSchedule schedule, SealedSecrets sealed,
			Clock clock) {
		this.backups = backups;
		this.blobs = blobs;
		this.schedule = schedule;
		this.sealed = sealed;
		this.clock = clock;
	}

	/**
	 * @return how many backups were removed
	 */
	@Transactional
	public int prune() {
		BackupSettings settings = this.schedule.settings();
		Instant before = this.clock.instant().minus(Duration.ofDays(settings.keepDays()));
		int removed = this.backups.deleteBeyondRetention(settings.keepLast(), before);
		List<String> passwords = this.blobs.removeUnreferenced();
		passwords.forEach(this.sealed::discardAfterCommit);
		return removed;
	}

}
