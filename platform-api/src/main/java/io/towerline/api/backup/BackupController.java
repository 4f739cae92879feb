package io.towerline.api.backup;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.towerline.api.backup.BackupInputs.BackupSettingsInput;
import io.towerline.api.backup.BackupInputs.BackupSettingsPayload;
import io.towerline.api.backup.BackupInputs.RestoreBackupInput;
import io.towerline.api.backup.BackupInputs.RestoreBackupPayload;
import io.towerline.api.backup.BackupInputs.TakeBackupInput;
import io.towerline.api.backup.BackupInputs.TakeBackupPayload;
import io.towerline.api.graphql.Pages;
import io.towerline.api.security.Actors;
import io.towerline.core.backup.BackupDiff;
import io.towerline.core.backup.BackupKind;
import io.towerline.core.backup.BackupRestores;
import io.towerline.core.backup.BackupSchedule;
import io.towerline.core.backup.BackupSettings;
import io.towerline.core.backup.Backups;
import io.towerline.core.backup.RouterBackup;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Reads for every tenant role; taking backups for operators and tenant admins; restoring
 * and the schedule for tenant admins. Another tenant's router or backup is NOT_FOUND,
 * exactly like one that does not exist.
 */
@Controller
class BackupController {

	static final int DEFAULT_DIFF_LINES = 2000;

	static final int MAX_DIFF_LINES = 20_000;

	private final Backups backups;

	private final BackupRestores restores;

	private final BackupSchedule schedule;

	private final Routers routers;

	BackupController(Backups backups, BackupRestores restores, BackupSchedule schedule, Routers routers) {
		this.backups = backups;
		this.restores = restores;
		this.schedule = schedule;
		this.routers = routers;
	}

	@SchemaMapping(typeName = "Router", field = "backups")
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Window<RouterBackup> backups(Router router, @Argument @Nullable BackupKind kind, ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		return this.backups.list(router.id(), kind, page.position(), page.size());
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	RouterBackup backup(@Argument UUID id) {
		return this.backups.get(id);
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	BackupDiff backupDiff(@Argument UUID from, @Argument UUID to, @Argument @Nullable Integer maxLines) {
		int lines = (maxLines != null) ? maxLines : DEFAULT_DIFF_LINES;
		if (lines < 1 || lines > MAX_DIFF_LINES) {
			throw new InvalidInputException(
					FieldError.invalid("maxLines", "maxLines must be between 1 and " + MAX_DIFF_LINES));
		}
		return this.backups.diff(from, to, lines);
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	BackupSettings backupSettings() {
		return this.schedule.settings();
	}

	@SchemaMapping(typeName = "Backup", field = "router")
	Router router(RouterBackup backup) {
		return this.routers.get(backup.routerId());
	}

	@SchemaMapping(typeName = "Backup", field = "hash")
	String hash(RouterBackup backup) {
		return backup.contentHash();
	}

	@SchemaMapping(typeName = "Backup", field = "downloadPath")
	String downloadPath(RouterBackup backup) {
		return BackupDownloadController.PATH_PREFIX + backup.id();
	}

	@SchemaMapping(typeName = "BackupDiffLine", field = "fromLine")
	@Nullable Integer fromLine(BackupDiff.Line line) {
		return (line.fromLine() > 0) ? line.fromLine() : null;
	}

	@SchemaMapping(typeName = "BackupDiffLine", field = "toLine")
	@Nullable Integer toLine(BackupDiff.Line line) {
		return (line.toLine() > 0) ? line.toLine() : null;
	}

	@SchemaMapping(typeName = "BackupSettings", field = "intervalMinutes")
	int intervalMinutes(BackupSettings settings) {
		return (int) settings.interval().toMinutes();
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	TakeBackupPayload takeBackup(@Argument TakeBackupInput input) {
		return new TakeBackupPayload(this.backups.take(input.routerId(), input.kind(), Actors.current()), List.of());
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	RestoreBackupPayload restoreBackup(@Argument RestoreBackupInput input) {
		BackupRestores.Requested requested = this.restores.request(input.backupId(), input.confirmation(),
				Actors.current());
		return new RestoreBackupPayload(requested.operation(), requested.errors());
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	BackupSettingsPayload setBackupSettings(@Argument BackupSettingsInput input) {
		try {
			return new BackupSettingsPayload(
					this.schedule.change(input.enabled(), Duration.ofMinutes(input.intervalMinutes()), input.keepLast(),
							input.keepDays(), input.includeSensitive(), input.binary(), Actors.current()),
					List.of());
		}
		catch (InvalidInputException ex) {
			return new BackupSettingsPayload(null, ex.errors());
		}
	}

}
