package io.towerline.core.backup;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.towerline.core.operation.RouterOperation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup whose connection to the router is cut at any step (issue 11/13 hardening, ADR
 * 0223): the reply to one command — the export, the binary save, finding the file, a
 * chunk of its download, its removal — breaks mid-sentence and the connection closes. The
 * operation is tried again and ends with exactly one backup of each kind, whole (the same
 * content as an uninterrupted backup), no half-stored blob, and no file of any try left
 * on the router's disk.
 */
class BackupCutTransferTests extends BackupTest {

	@ParameterizedTest(name = "reply {1} of {0} cut")
	@CsvSource({ "/export, 1", "/system/backup/save, 1", "/file/print, 1", "/file/print, 2", "/file/read, 1",
			"/file/read, 2", "/file/read, 3", "/file/remove, 1", "/file/remove, 2" })
	void shouldEndWithOneWholeBackupOfEachKindWhenTheTransferIsCut(String path, int occurrence) {
		inTenant(() -> this.schedule.change(false, Duration.ofHours(1), 10, 30, false, true, STAFF));
		RouterOperation clean = inTenant(() -> this.backups.take(this.routerId, null, STAFF));
		awaitSucceeded(clean.id());
		List<RouterBackup> whole = backupsOf(clean.id());
		assertThat(whole).extracting(RouterBackup::kind)
			.containsExactlyInAnyOrder(BackupKind.EXPORT, BackupKind.BINARY);

		this.simulator.faults().cutReplyOf(path, occurrence);
		RouterOperation cut = inTenant(() -> this.backups.take(this.routerId, null, STAFF));
		awaitSucceeded(cut.id());

		List<RouterBackup> taken = backupsOf(cut.id());
		assertThat(taken).extracting(RouterBackup::kind)
			.as("one backup of each kind, none twice")
			.containsExactlyInAnyOrder(BackupKind.EXPORT, BackupKind.BINARY);
		for (RouterBackup backup : taken) {
			RouterBackup before = whole.stream().filter((b) -> b.kind() == backup.kind()).findFirst().orElseThrow();
			if (backup.kind() == BackupKind.EXPORT) {
				assertThat(backup.contentHash()).as("export whole").isEqualTo(before.contentHash());
			}
			// a binary backup is encrypted with a password of its own: whole is its full
			// size
			assertThat(backup.size()).as("%s size", backup.kind()).isEqualTo(before.size());
			assertThat(downloadBytes(backup.id())).hasSize((int) backup.size());
		}
		assertThat(incompleteBlobs()).as("half-stored blobs").isZero();
		assertThat(this.simulator.fileNames()).as("files left on the router").isEmpty();
	}

	private List<RouterBackup> backupsOf(UUID operationId) {
		return inTenant(() -> this.jdbc
			.sql("SELECT id FROM " + this.tenant.schemaName() + ".router_backup WHERE operation_id = ?")
			.param(operationId)
			.query(UUID.class)
			.list()
			.stream()
			.map((id) -> this.backups.get(id))
			.toList());
	}

	private int incompleteBlobs() {
		return this.jdbc.sql("SELECT count(*) FROM " + this.tenant.schemaName() + ".backup_blob WHERE NOT complete")
			.query(Integer.class)
			.single();
	}

}
