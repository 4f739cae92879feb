package io.towerline.core.operation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backlog counts unfinished operations per status over the tenants it is given, and
 * its oldest age is the oldest QUEUED one (an older operation waiting for its router or
 * finished does not count).
 */
@SpringBootTest
class OperationBacklogTests extends DatabaseTest {

	@Autowired
	OperationBacklog backlog;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldCountUnfinishedOperationsByStatusOverTenantsAndFindTheOldestQueued() {
		TenantId first = tenant();
		TenantId second = tenant();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		insert(first, "QUEUED", now.minus(Duration.ofMinutes(10)));
		insert(second, "QUEUED", now.minus(Duration.ofMinutes(30)));
		insert(second, "QUEUED", now.minus(Duration.ofMinutes(5)));
		insert(first, "WAITING_FOR_ROUTER", now.minus(Duration.ofHours(3)));
		insert(first, "RUNNING", now.minus(Duration.ofMinutes(1)));
		insert(second, "SUCCEEDED", now.minus(Duration.ofHours(5)));
		insert(second, "FAILED", now.minus(Duration.ofHours(6)));

		OperationBacklog.Snapshot snapshot = this.backlog.read(List.of(first, second));

		assertThat(snapshot.byStatus()).containsOnlyKeys(OperationStatus.QUEUED, OperationStatus.RUNNING,
				OperationStatus.WAITING_FOR_ROUTER);
		assertThat(snapshot.byStatus()).containsEntry(OperationStatus.QUEUED, 3L)
			.containsEntry(OperationStatus.RUNNING, 1L)
			.containsEntry(OperationStatus.WAITING_FOR_ROUTER, 1L);
		assertThat(snapshot.oldestQueued()).isEqualTo(now.minus(Duration.ofMinutes(30)));
	}

	@Test
	void shouldReportNothingQueuedForTenantsWithoutWork() {
		OperationBacklog.Snapshot snapshot = this.backlog.read(List.of(tenant()));

		assertThat(snapshot.byStatus().values()).containsOnly(0L);
		assertThat(snapshot.oldestQueued()).isNull();
	}

	private TenantId tenant() {
		String slug = TestDatabase.uniqueSlug("backlog");
		this.onboarding.onboard(slug, slug, RateLimitTier.STARTER);
		return TenantId.of(slug);
	}

	private void insert(TenantId tenant, String status, Instant createdAt) {
		Timestamp at = Timestamp.from(createdAt);
		this.jdbc
			.sql("INSERT INTO " + tenant.schemaName() + ".router_operation (id, kind, router_id, status, "
					+ "attempts, progress_done, progress_total, progress_failed, requested_by, created_at, updated_at, "
					+ "version, lock_key) VALUES (?, 'SYNC_SUBSCRIBER', ?, ?, 0, 0, 1, 0, 'test', ?, ?, 0, ?)")
			.params(UUID.randomUUID(), UUID.randomUUID(), status, at, at, "backlog-" + UUID.randomUUID())
			.update();
	}

}
