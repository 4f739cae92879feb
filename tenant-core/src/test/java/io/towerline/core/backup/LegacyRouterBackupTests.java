package io.towerline.core.backup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TenantRouterFixture;
import io.towerline.mikrotik.RouterErrorCode;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.ScrollPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backups of RouterOS 6 routers, which have no {@code /file/read}: small exports through
 * {@code contents}, bigger exports and binary backups from the router's FTP service (ADR
 * 0142), and a coded refusal saying what to enable when FTP is off.
 */
@SpringBootTest
class LegacyRouterBackupTests extends DatabaseTest {

	private static final Actor STAFF = Actor.of("user:staff");

	/** Enough secrets for an export well over the 60 KB RouterOS 6 shows in contents. */
	private static final int MANY = 1500;

	@Autowired
	ApplicationContext context;

	@Autowired
	Backups backups;

	@Autowired
	BackupSchedule schedule;

	@Autowired
	RouterOperations operations;

	@Autowired
	RecordedEvents events;

	TenantRouterFixture fixture;

	@AfterEach
	void stop() {
		if (this.fixture != null) {
			this.fixture.close();
		}
	}

	@Test
	void shouldTakeABigExportAndTheBinaryBackupOfRouterOs6FromItsFtpService() {
		this.fixture = v6(MANY, true);
		this.fixture.inTenant(() -> this.schedule.change(false, Duration.ofDays(1), 30, 90, false, true, STAFF));
		awaitSucceeded(this.fixture.inTenant(() -> this.backups.take(this.fixture.routerId(), null, STAFF)).id());

		RouterBackup export = newest(BackupKind.EXPORT);
		RouterBackup binary = newest(BackupKind.BINARY);
		assertThat(export.size()).isGreaterThan(60 * 1024);
		assertThat(download(export.id())).contains("/ppp secret").contains("name=sub00001").contains("name=sub01500");
		assertThat(binary.size()).isGreaterThan(60 * 1024);
		assertThat(downloadBytes(binary.id())).hasSize((int) binary.size()).isNotEqualTo(downloadBytes(export.id()));
		RouterOsSimulator router = this.fixture.simulator();
		assertThat(router.fileNames()).as("removed from the router's disk").isEmpty();
		assertThat(router.receivedCommands()).extracting((command) -> command.path())
			.contains("/ip/service/print", "/system/backup/save")
			.doesNotContain("/file/read");
	}

	@Test
	void shouldTakeOnlyASmallExportOfRouterOs6ThroughItsContentsWhenFtpIsOff() {
		this.fixture = v6(3, false);
		// binary backups wanted (the default), but this router can only hand over text
		this.fixture.inTenant(() -> this.schedule.change(false, Duration.ofDays(1), 30, 90, false, true, STAFF));
		RouterOperation operation = this.fixture
			.inTenant(() -> this.backups.take(this.fixture.routerId(), null, STAFF));
		awaitSucceeded(operation.id());
		List<RouterBackup> taken = this.fixture
			.inTenant(() -> this.backups.list(this.fixture.routerId(), null, ScrollPosition.keyset(), 10).getContent());
		assertThat(taken).extracting(RouterBackup::kind).containsExactly(BackupKind.EXPORT);
		assertThat(download(taken.get(0).id())).contains("name=sub00002");
		assertThat(this.fixture.simulator().receivedCommands())
			.noneSatisfy((command) -> assertThat(command.path()).isIn("/file/read", "/system/backup/save"));
		assertThat(this.fixture.simulator().fileNames()).isEmpty();
	}

	@Test
	void shouldRefuseWithACodedErrorSayingWhatToEnableWhenRouterOs6HasFtpOff() {
		this.fixture = v6(MANY, false);
		UUID operationId = this.fixture
			.inTenant(() -> this.backups.take(this.fixture.routerId(), BackupKind.EXPORT, STAFF))
			.id();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.fixture.inTenant(() -> this.operations.get(operationId).lastError()) != null);
		assertThat(this.fixture.inTenant(() -> this.operations.get(operationId).lastError()))
			.startsWith(RouterErrorCode.ROUTER_FILE_TRANSFER_UNAVAILABLE.name())
			.contains("enable /ip service ftp");
		assertThat(this.events.of(this.fixture.tenant(), BackupEvents.FAILED)).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.data().get("error"))
				.startsWith(RouterErrorCode.ROUTER_FILE_TRANSFER_UNAVAILABLE.name()));
		assertThat(this.fixture
			.inTenant(() -> this.backups.list(this.fixture.routerId(), null, ScrollPosition.keyset(), 10).getContent()))
			.isEmpty();
		assertThat(this.fixture.simulator().fileNames()).as("removed from the router's disk").isEmpty();
	}

	private TenantRouterFixture v6(int secrets, boolean ftp) {
		return TenantRouterFixture.start(this.context, "legacy", "legacy",
				(port) -> RouterOsSimulator.builder()
					.version(SimulatorVersion.V6_49)
					.user(TenantRouterFixture.USER, TenantRouterFixture.PASSWORD)
					.secrets(secrets)
					.ftp(ftp)
					.port(port)
					.start());
	}

	private RouterBackup newest(BackupKind kind) {
		return this.fixture.inTenant(
				() -> this.backups.list(this.fixture.routerId(), kind, ScrollPosition.keyset(), 1).getContent().get(0));
	}

	private void awaitSucceeded(UUID operationId) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.fixture.inTenant(() -> this.operations.get(operationId)))
				.satisfies((operation) -> assertThat(operation.status()).as(String.valueOf(operation.lastError()))
					.isEqualTo(OperationStatus.SUCCEEDED)));
	}

	private String download(UUID id) {
		return new String(downloadBytes(id), StandardCharsets.UTF_8);
	}

	private byte[] downloadBytes(UUID id) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.fixture.inTenant(() -> {
			this.backups.download(id, out);
			return null;
		});
		return out.toByteArray();
	}

}
