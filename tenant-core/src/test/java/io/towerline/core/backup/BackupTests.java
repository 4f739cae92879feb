package io.towerline.core.backup;

import java.io.ByteArrayOutputStream;
import java.util.List;

import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.ScrollPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Backups against the simulated router: taken and removed from the router, an unchanged
 * one de-duplicated, a change shown in the diff, and never visible to another tenant.
 */
class BackupTests extends BackupTest {

	@Test
	void shouldTakeAnExportRemoveItFromTheRouterAndDeduplicateAnUnchangedOne() {
		RouterBackup first = take(BackupKind.EXPORT);
		assertThat(first.changed()).isTrue();
		assertThat(first.size()).isPositive();
		assertThat(first.sensitive()).isFalse();
		assertThat(this.simulator.fileNames()).isEmpty();
		assertThat(download(first.id())).contains("/ppp secret").contains("name=sub00003").doesNotContain("password=");

		RouterBackup second = take(BackupKind.EXPORT);
		assertThat(second.changed()).isFalse();
		assertThat(second.contentHash()).isEqualTo(first.contentHash());
		assertThat(blobCount()).isEqualTo(1);
		assertThat(download(second.id())).isEqualTo(download(first.id()));
		assertThat(inTenant(() -> this.backups.list(this.routerId, null, ScrollPosition.keyset(), 10).getContent()))
			.extracting(RouterBackup::id)
			.containsExactly(second.id(), first.id());
		assertThat(this.events.of(this.tenant, BackupEvents.TAKEN)).extracting((event) -> event.data().get("changed"))
			.containsExactly("true", "false");
	}

	/**
	 * The command log says who had a backup taken, on which router and in which
	 * operation, for every command the backup sent: the listing of files left by an
	 * earlier try as well as the export and its transfer.
	 */
	@Test
	void shouldRecordEveryCommandOfABackupWithItsRouterOperationAndRequester() {
		RouterBackup backup = take(BackupKind.EXPORT);
		List<List<Object>> commands = this.jdbc
			.sql("SELECT action, actor, router_id, operation_id FROM " + this.tenant.schemaName()
					+ ".router_command_log WHERE action LIKE '/file/%' OR action LIKE '/export%' ORDER BY at")
			.query((rs, row) -> List.<Object>of(rs.getString(1), rs.getString(2), String.valueOf(rs.getObject(3)),
					String.valueOf(rs.getObject(4))))
			.list();
		assertThat(commands).extracting((command) -> command.get(0)).contains("/file/print", "/export", "/file/remove");
		assertThat(commands).allSatisfy((command) -> assertThat(command.subList(1, 4)).as("%s", command.get(0))
			.containsExactly(STAFF.value(), this.routerId.toString(), String.valueOf(backup.operationId())));
	}

	@Test
	void shouldShowWhatChangedOnTheRouterInTheDiff() {
		RouterBackup before = take(BackupKind.EXPORT);
		this.simulator.removeSecret("sub00003");
		this.simulator.identity("core-renamed");
		RouterBackup after = take(BackupKind.EXPORT);
		assertThat(after.changed()).isTrue();

		BackupDiff diff = inTenant(() -> this.backups.diff(before.id(), after.id(), 1000));
		assertThat(diff.linesRemoved()).isEqualTo(2);
		assertThat(diff.linesAdded()).isEqualTo(1);
		List<BackupDiff.Line> changed = diff.hunks()
			.stream()
			.flatMap((hunk) -> hunk.lines().stream())
			.filter((line) -> line.kind() != BackupDiff.LineKind.CONTEXT)
			.toList();
		assertThat(changed).extracting(BackupDiff.Line::kind, BackupDiff.Line::text)
			.containsExactly(tuple(BackupDiff.LineKind.REMOVED, "add name=sub00003 profile=plan-10M service=pppoe"),
					tuple(BackupDiff.LineKind.REMOVED, "set name=MikroTik"),
					tuple(BackupDiff.LineKind.ADDED, "set name=core-renamed"));
		// the date lines differ in every export and are not part of the comparison
		assertThat(diff.hunks()).allSatisfy((hunk) -> assertThat(hunk.lines())
			.noneSatisfy((line) -> assertThat(line.text()).contains("by RouterOS")));
		assertThat(inTenant(() -> this.backups.diff(after.id(), after.id(), 1000).hunks())).isEmpty();
	}

	@Test
	void shouldRefuseToCompareABinaryBackup() {
		RouterBackup export = take(BackupKind.EXPORT);
		RouterBackup binary = take(BackupKind.BINARY);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> inTenant(() -> this.backups.diff(export.id(), binary.id(), 10)))
			.satisfies((ex) -> assertThat(ex.errors()).extracting((error) -> error.field()).containsExactly("to"));
	}

	@Test
	void shouldNeverShowOneTenantsBackupsToAnother() {
		RouterBackup backup = take(BackupKind.EXPORT);
		TenantId other = onboard("other");
		TenantContext.runAs(other, () -> {
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.backups.get(backup.id()));
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.backups.download(backup.id(), new ByteArrayOutputStream()));
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.backups.diff(backup.id(), backup.id(), 10));
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.backups.list(this.routerId, null, ScrollPosition.keyset(), 10));
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.backups.take(this.routerId, null, STAFF));
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.restores.request(backup.id(), "RESTORE core", STAFF));
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM " + other.schemaName() + ".router_backup")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.simulator.reboots()).isZero();
	}

}
