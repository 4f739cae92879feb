package io.towerline.core.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.towerline.core.error.FieldError;

/**
 * The tenant's backup schedule and retention, applied to each of its routers.
 *
 * @param enabled whether routers are backed up on schedule (off until the tenant turns it
 * on)
 * @param interval time between scheduled backups of one router
 * @param keepLast backups of each kind kept per router, newest first, whatever their age
 * @param keepDays older backups beyond {@code keepLast} are kept this many days (0: not
 * at all)
 * @param includeSensitive whether exports carry passwords and keys
 * ({@code show-sensitive}); they are encrypted at rest either way
 * @param binary whether a binary backup is taken along with each export
 * @param updatedAt when the settings last changed
 * @param updatedBy who changed them
 */
public record BackupSettings(boolean enabled, Duration interval, int keepLast, int keepDays, boolean includeSensitive,
		boolean binary, Instant updatedAt, String updatedBy) {

	static final Duration MIN_INTERVAL = Duration.ofMinutes(15);

	static final Duration MAX_INTERVAL = Duration.ofDays(31);

	static BackupSettings defaults() {
		return new BackupSettings(false, Duration.ofDays(1), 30, 90, false, true, Instant.EPOCH, "system:default");
	}

	/** What is wrong with these settings; empty when they can be saved. */
	List<FieldError> problems() {
		List<FieldError> problems = new ArrayList<>();
		if (this.interval.compareTo(MIN_INTERVAL) < 0 || this.interval.compareTo(MAX_INTERVAL) > 0) {
			problems.add(FieldError.invalid("intervalMinutes", "The interval must be between "
					+ MIN_INTERVAL.toMinutes() + " minutes and " + MAX_INTERVAL.toDays() + " days"));
		}
		if (this.keepLast < 1 || this.keepLast > 1000) {
			problems.add(FieldError.invalid("keepLast", "Keep between 1 and 1000 backups per router"));
		}
		if (this.keepDays < 0 || this.keepDays > 3650) {
			problems.add(FieldError.invalid("keepDays", "Keep backups between 0 and 3650 days"));
		}
		return problems;
	}

}
