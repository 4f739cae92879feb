package io.towerline.core.backup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.tenancy.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the tenant's {@link BackupSettings} (one row, defaults without). */
@Service
@Transactional
public class BackupSchedule {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RouterBackupRepository backups;

	BackupSchedule(JdbcClient jdbc, RouterBackupRepository backups, Clock clock) {
		this.jdbc = jdbc;
		this.backups = backups;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public BackupSettings settings() {
		return this.jdbc
			.sql("SELECT enabled, interval_minutes, keep_last, keep_days, include_sensitive, binary_backup, updated_at,"
					+ " updated_by FROM " + schema() + ".backup_settings WHERE id = 1")
			.query((rs, row) -> new BackupSettings(rs.getBoolean(1), Duration.ofMinutes(rs.getInt(2)), rs.getInt(3),
					rs.getInt(4), rs.getBoolean(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
			.optional()
			.orElseGet(BackupSettings::defaults);
	}

	/**
	 * Saves new settings.
	 * @throws InvalidInputException listing every problem; nothing is saved
	 */
	public BackupSettings change(boolean enabled, Duration interval, int keepLast, int keepDays,
			boolean includeSensitive, boolean binary, Actor actor) {
		BackupSettings settings = new BackupSettings(enabled, interval, keepLast, keepDays, includeSensitive, binary,
				this.clock.instant(), actor.value());
		List<FieldError> problems = settings.problems();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.jdbc.sql("INSERT INTO " + schema() + ".backup_settings (id, enabled, interval_minutes, keep_last,"
				+ " keep_days, include_sensitive, binary_backup, updated_at, updated_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)"
				+ " ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, interval_minutes = excluded.interval_minutes,"
				+ " keep_last = excluded.keep_last, keep_days = excluded.keep_days,"
				+ " include_sensitive = excluded.include_sensitive, binary_backup = excluded.binary_backup,"
				+ " updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = backup_settings.version + 1")
			.params(enabled, (int) interval.toMinutes(), keepLast, keepDays, includeSensitive, binary,
					Timestamp.from(settings.updatedAt()), settings.updatedBy())
			.update();
		return settings;
	}

	/** Each router's newest backup time: {routerId, takenAt}. */
	@Transactional(readOnly = true)
	List<Object[]> lastTakenPerRouter() {
		return this.backups.lastTakenPerRouter();
	}

	private static String schema() {
		return TenantContext.require().schemaName();
	}

}
