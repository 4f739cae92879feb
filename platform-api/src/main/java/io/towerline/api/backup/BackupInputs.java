package io.towerline.api.backup;

import java.util.List;
import java.util.UUID;

import io.towerline.core.backup.BackupKind;
import io.towerline.core.backup.BackupSettings;
import io.towerline.core.error.FieldError;
import io.towerline.core.operation.RouterOperation;
import org.jspecify.annotations.Nullable;

/** The GraphQL input and payload shapes of backups. */
final class BackupInputs {

	private BackupInputs() {
	}

	record TakeBackupInput(UUID routerId, @Nullable BackupKind kind) {

	}

	record TakeBackupPayload(@Nullable RouterOperation operation, List<FieldError> errors) {

	}

	record RestoreBackupInput(UUID backupId, String confirmation) {

	}

	record RestoreBackupPayload(@Nullable RouterOperation operation, List<FieldError> errors) {

	}

	record BackupSettingsInput(boolean enabled, int intervalMinutes, int keepLast, int keepDays,
			boolean includeSensitive, boolean binary) {

	}

	record BackupSettingsPayload(@Nullable BackupSettings settings, List<FieldError> errors) {

	}

}
