package io.towerline.core.backup;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.towerline.core.error.ErrorCode;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.router.RouterDetails;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restores on the simulated router: a binary backup loaded behind the typed confirmation
 * and checked after the reboot, an export re-applied onto a reset router, and a restore
 * refused when the router could not reach the platform's address.
 */
class BackupRestoreTests extends BackupTest {

	@Test
	void shouldRestoreABinaryBackupOnlyWhenConfirmedAndCheckTheRouterAfter() {
		inTenant(() -> this.schedule.change(false, Duration.ofDays(1), 30, 90, false, true, STAFF));
		RouterBackup binary = take(BackupKind.BINARY);
		this.simulator.removeSecret("sub00002");
		this.simulator.identity("someone-else");

		BackupRestores.Requested refused = inTenant(
				() -> this.restores.request(binary.id(), "RESTORE the wrong router", STAFF));
		assertThat(refused.operation()).isNull();
		assertThat(refused.errors()).singleElement()
			.satisfies((error) -> assertThat(error.code()).isEqualTo(ErrorCode.CONFIRMATION_MISMATCH));

		Instant asked = Instant.now();
		BackupRestores.Requested requested = inTenant(() -> this.restores.request(binary.id(), "RESTORE core", STAFF));
		assertThat(requested.errors()).isEmpty();
		RouterOperation done = awaitSucceeded(requested.operation().id());
		// the restore's commands and the checks after it (the drift check's reads) are
		// on record as the staff user's who asked, on the router (ADR 0262, 0264)
		assertThat(this.jdbc
			.sql("SELECT actor || ' ' || router_id FROM " + this.tenant.schemaName()
					+ ".router_command_log WHERE at >= ?")
			.param(Timestamp.from(asked))
			.query(String.class)
			.list()).isNotEmpty().containsOnly(STAFF.value() + " " + this.routerId);
		// the succeeded operation keeps the post-restore checks as its note
		assertThat(done.lastError()).contains("router answering").contains("drift: COMPLETED");
		assertThat(this.simulator.secret("sub00002")).isPresent();
		assertThat(this.simulator.identity()).isEqualTo("MikroTik");
		assertThat(this.simulator.reboots()).isEqualTo(1);
		assertThat(this.simulator.fileNames()).isEmpty();

		List<String> commands = this.jdbc
			.sql("SELECT action || ' ' || parameters FROM " + this.tenant.schemaName()
					+ ".router_command_log WHERE operation_id = ? ORDER BY at")
			.param(done.id())
			.query(String.class)
			.list();
		assertThat(commands).anySatisfy((command) -> assertThat(command).startsWith("/tool/fetch"));
		assertThat(commands)
			.anySatisfy((command) -> assertThat(command).startsWith("/system/backup/load").contains("***"));
		assertThat(commands).noneSatisfy((command) -> assertThat(command).contains("127.0.0.1"));
		// health and drift were checked after the restore
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM " + this.tenant.schemaName() + ".drift_report WHERE router_id = ?")
					.param(this.routerId)
					.query(Integer.class)
					.single())
			.isEqualTo(1);
		assertThat(this.events.of(this.tenant, BackupEvents.RESTORED)).singleElement()
			.satisfies((event) -> assertThat(event.data()).containsEntry("backupId", binary.id().toString()));
	}

	@Test
	void shouldReapplyAnExportOntoAResetRouter() {
		inTenant(() -> this.schedule.change(false, Duration.ofDays(1), 30, 90, true, false, STAFF));
		String password = this.simulator.secret("sub00004").orElseThrow().get("password");
		RouterBackup export = take(BackupKind.EXPORT);
		this.simulator.resetConfiguration();
		assertThat(this.simulator.secretCount()).isZero();

		BackupRestores.Requested requested = inTenant(() -> this.restores.request(export.id(), "RESTORE core", STAFF));
		awaitSucceeded(requested.operation().id());
		assertThat(this.simulator.secretCount()).isEqualTo(5);
		assertThat(this.simulator.secret("sub00004").orElseThrow()).containsEntry("password", password);
		assertThat(this.simulator.reboots()).isZero();
	}

	@Test
	void shouldRefuseARestoreOntoARouterThatCannotReachThePlatformsLoopbackAddress() {
		RouterBackup export = take(BackupKind.EXPORT);
		inTenant(() -> this.routers.update(this.routerId,
				RouterDetails.of("core", "192.0.2.10", this.simulator.port(), false, null, null, "api"), null, false,
				STAFF));
		long operationsBefore = countOperations();

		BackupRestores.Requested refused = inTenant(() -> this.restores.request(export.id(), "RESTORE core", STAFF));
		assertThat(refused.operation()).isNull();
		assertThat(refused.errors()).singleElement().satisfies((error) -> {
			assertThat(error.code()).isEqualTo(ErrorCode.BACKUP_RESTORE_UNREACHABLE);
			assertThat(error.message()).contains("192.0.2.10")
				.contains("http://127.0.0.1:")
				.contains("towerline.backup.router-base-url");
		});
		assertThat(countOperations()).isEqualTo(operationsBefore);

		// the same router on the platform's own machine can download it
		inTenant(() -> this.routers.update(this.routerId,
				RouterDetails.of("core", "localhost", this.simulator.port(), false, null, null, "api"), null, false,
				STAFF));
		assertThat(inTenant(() -> this.restores.request(export.id(), "RESTORE core", STAFF)).errors()).isEmpty();
	}

	private long countOperations() {
		return this.jdbc.sql("SELECT count(*) FROM " + this.tenant.schemaName() + ".router_operation")
			.query(Long.class)
			.single();
	}

}
