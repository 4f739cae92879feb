package io.towerline.core.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Backups against the simulated router: taken and removed from the router, an unchanged
 * one de-duplicated, a change shown in the diff, encrypted on disk, restored round trip,
 * pruned to retention, and never visible to another tenant.
 */
@SpringBootTest
class BackupTests extends DatabaseTest {

	private static final Actor STAFF = Actor.of("user:staff");

	@Autowired
	Backups backups;

	@Autowired
	BackupRestores restores;

	@Autowired
	BackupBlobs blobs;

	@Autowired
	BackupSchedule schedule;

	@Autowired
	BackupRetention retention;

	@Autowired
	BackupSweep.Run sweep;

	@Autowired
	Routers routers;

	@Autowired
	RouterOperations operations;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordedEvents events;

	RouterOsSimulator simulator;

	TenantId tenant;

	UUID routerId;

	@BeforeEach
	void router() {
		this.simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.secrets(5)
			.start();
		this.tenant = onboard("backup");
		this.routerId = inTenant(() -> this.routers
			.create(RouterDetails.of("core", "127.0.0.1", this.simulator.port(), false, null, null, "api"),
					"router-pass")
			.id());
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

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
	void shouldKeepBackupsEncryptedOnDiskWithTheirSecrets() {
		inTenant(() -> this.schedule.change(false, Duration.ofDays(1), 30, 90, true, true, STAFF));
		String password = this.simulator.secret("sub00001").orElseThrow().get("password");
		RouterBackup export = take(BackupKind.EXPORT);
		RouterBackup binary = take(BackupKind.BINARY);
		assertThat(export.sensitive()).isTrue();
		assertThat(download(export.id())).contains("password=" + password);

		List<byte[]> stored = this.jdbc.sql("SELECT data FROM " + this.tenant.schemaName() + ".backup_chunk")
			.query(byte[].class)
			.list();
		assertThat(stored).hasSizeGreaterThanOrEqualTo(2);
		byte[] binaryPlain = downloadBytes(binary.id());
		for (byte[] chunk : stored) {
			String raw = new String(chunk, StandardCharsets.ISO_8859_1);
			assertThat(raw).doesNotContain(password).doesNotContain("sub00001").doesNotContain("/ppp secret");
			assertThat(indexOf(chunk, Arrays.copyOfRange(binaryPlain, 100, 132))).isNegative();
		}
		assertThat(this.jdbc.sql("SELECT sealed_reference FROM " + this.tenant.schemaName() + ".backup_data_key")
			.query(String.class)
			.single()).doesNotContain(password);
	}

	@Test
	void shouldDetectATamperedOrTruncatedBackup() {
		byte[] content = new byte[700 * 1024];
		new Random(5).nextBytes(content);
		BackupBlobs.Written written = TenantContext.callAs(this.tenant,
				() -> this.blobs.write(this.routerId, BackupKind.BINARY, null, (out) -> {
					try {
						out.write(content);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}));
		UUID blob = written.id();
		TenantContext.runAs(this.tenant,
				() -> this.transactions.executeWithoutResult((tx) -> this.blobs.complete(blob)));
		assertThat(readBlob(blob)).isEqualTo(content);
		String schema = this.tenant.schemaName();
		int chunks = this.jdbc.sql("SELECT chunks FROM " + schema + ".backup_blob WHERE id = ?")
			.param(blob)
			.query(Integer.class)
			.single();
		assertThat(chunks).isEqualTo(3);
		// swap two chunks
		swap(schema, blob, 0, 1);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> readBlob(blob));
		swap(schema, blob, 0, 1);
		assertThat(readBlob(blob)).isEqualTo(content);
		// cut off the last chunk: the new last one was not sealed as last
		this.jdbc.sql("DELETE FROM " + schema + ".backup_chunk WHERE blob_id = ? AND seq = ?")
			.params(blob, chunks - 1)
			.update();
		this.jdbc.sql("UPDATE " + schema + ".backup_blob SET chunks = ? WHERE id = ?")
			.params(chunks - 1, blob)
			.update();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> readBlob(blob));
	}

	private void swap(String schema, UUID blob, int first, int second) {
		String move = "UPDATE " + schema + ".backup_chunk SET seq = ? WHERE blob_id = ? AND seq = ?";
		this.jdbc.sql(move).params(-1, blob, first).update();
		this.jdbc.sql(move).params(first, blob, second).update();
		this.jdbc.sql(move).params(second, blob, -1).update();
	}

	private byte[] readBlob(UUID blob) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TenantContext.runAs(this.tenant, () -> this.blobs.copyTo(blob, out));
		return out.toByteArray();
	}

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

		BackupRestores.Requested requested = inTenant(() -> this.restores.request(binary.id(), "RESTORE core", STAFF));
		assertThat(requested.errors()).isEmpty();
		RouterOperation done = awaitSucceeded(requested.operation().id());
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

	@Test
	void shouldPruneToRetentionAndDropUnreferencedContent() {
		inTenant(() -> this.schedule.change(false, Duration.ofDays(1), 2, 0, false, false, STAFF));
		take(BackupKind.EXPORT);
		this.simulator.removeSecret("sub00001");
		take(BackupKind.EXPORT);
		this.simulator.removeSecret("sub00002");
		RouterBackup newest = take(BackupKind.EXPORT);
		RouterBackup unchanged = take(BackupKind.EXPORT);
		assertThat(blobCount()).isEqualTo(3);

		assertThat(inTenant(() -> this.retention.prune())).isEqualTo(2);
		assertThat(inTenant(() -> this.backups.list(this.routerId, null, ScrollPosition.keyset(), 10).getContent()))
			.extracting(RouterBackup::id)
			.containsExactly(unchanged.id(), newest.id());
		assertThat(blobCount()).isEqualTo(1);
		assertThat(download(unchanged.id())).doesNotContain("sub00002");
	}

	@Test
	void shouldQueueScheduledBackupsOnlyWhenDueAndNotAlreadyQueued() {
		assertThat(TenantContext.callAs(this.tenant, this.sweep::sweepTenant)).isZero();
		inTenant(() -> this.schedule.change(true, Duration.ofHours(6), 30, 90, false, false, STAFF));
		assertThat(TenantContext.callAs(this.tenant, this.sweep::sweepTenant)).isEqualTo(1);
		assertThat(TenantContext.callAs(this.tenant, this.sweep::sweepTenant)).isZero();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> inTenant(() -> this.backups.list(this.routerId, null, ScrollPosition.keyset(), 10))
				.getContent()
				.size() == 1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> TenantContext.callAs(this.tenant, this.sweep::sweepTenant) == 0);
	}

	@Test
	void shouldRejectSettingsOutsideTheLimits() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> inTenant(() -> this.schedule.change(true, Duration.ofMinutes(1), 0, -1, false, true, STAFF)))
			.satisfies((ex) -> assertThat(ex.errors()).extracting((error) -> error.field())
				.containsExactly("intervalMinutes", "keepLast", "keepDays"));
		assertThat(inTenant(() -> this.schedule.settings().enabled())).isFalse();
	}

	private RouterBackup take(BackupKind kind) {
		RouterOperation operation = inTenant(() -> this.backups.take(this.routerId, kind, STAFF));
		awaitSucceeded(operation.id());
		return inTenant(() -> this.backups.list(this.routerId, kind, ScrollPosition.keyset(), 1).getContent().get(0));
	}

	private String download(UUID id) {
		return new String(downloadBytes(id), StandardCharsets.UTF_8);
	}

	private byte[] downloadBytes(UUID id) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		inTenant(() -> {
			this.backups.download(id, out);
			return null;
		});
		return out.toByteArray();
	}

	private int blobCount() {
		return this.jdbc.sql("SELECT count(*) FROM " + this.tenant.schemaName() + ".backup_blob")
			.query(Integer.class)
			.single();
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private RouterOperation awaitSucceeded(UUID operationId) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(inTenant(() -> this.operations.get(operationId).status()))
				.isEqualTo(OperationStatus.SUCCEEDED));
		return inTenant(() -> this.operations.get(operationId));
	}

	private TenantId onboard(String prefix) {
		TenantId id = TenantId.of(TestDatabase.uniqueSlug(prefix));
		this.onboarding.onboard(id.slug(), prefix, RateLimitTier.STARTER);
		return id;
	}

	private <T> T inTenant(Supplier<T> work) {
		return TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> work.get()));
	}

}
