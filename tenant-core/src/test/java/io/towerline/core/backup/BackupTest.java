package io.towerline.core.backup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.actor.Actor;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TenantRouterFixture;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the backup tests share: a fresh tenant with router "core" (RouterOS 7.19, five
 * secrets) on its own simulator, the backup services, and helpers that take, download and
 * await. Subclasses add no annotations, so they share one Spring context.
 */
@SpringBootTest
abstract class BackupTest extends DatabaseTest {

	static final Actor STAFF = Actor.of("user:staff");

	@Autowired
	ApplicationContext context;

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

	TenantRouterFixture fixture;

	RouterOsSimulator simulator;

	TenantId tenant;

	UUID routerId;

	@BeforeEach
	void router() {
		this.fixture = TenantRouterFixture.start(this.context, "backup", "core", TenantRouterFixture.v7(5));
		this.simulator = this.fixture.simulator();
		this.tenant = this.fixture.tenant();
		this.routerId = this.fixture.routerId();
	}

	@AfterEach
	void stop() {
		this.fixture.close();
	}

	RouterBackup take(BackupKind kind) {
		RouterOperation operation = inTenant(() -> this.backups.take(this.routerId, kind, STAFF));
		awaitSucceeded(operation.id());
		return inTenant(() -> this.backups.list(this.routerId, kind, ScrollPosition.keyset(), 1).getContent().get(0));
	}

	String download(UUID id) {
		return new String(downloadBytes(id), StandardCharsets.UTF_8);
	}

	byte[] downloadBytes(UUID id) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		inTenant(() -> {
			this.backups.download(id, out);
			return null;
		});
		return out.toByteArray();
	}

	int blobCount() {
		return this.jdbc.sql("SELECT count(*) FROM " + this.tenant.schemaName() + ".backup_blob")
			.query(Integer.class)
			.single();
	}

	static int indexOf(byte[] haystack, byte[] needle) {
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

	RouterOperation awaitSucceeded(UUID operationId) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(inTenant(() -> this.operations.get(operationId).status()))
				.isEqualTo(OperationStatus.SUCCEEDED));
		return inTenant(() -> this.operations.get(operationId));
	}

	TenantId onboard(String prefix) {
		TenantId id = TenantId.of(TestDatabase.uniqueSlug(prefix));
		this.onboarding.onboard(id.slug(), prefix, RateLimitTier.STARTER);
		return id;
	}

	<T> T inTenant(Supplier<T> work) {
		return TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> work.get()));
	}

}
