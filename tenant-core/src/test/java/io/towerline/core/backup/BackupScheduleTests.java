package io.towerline.core.backup;

import java.time.Duration;

import io.towerline.core.error.InvalidInputException;
import io.towerline.core.tenancy.TenantContext;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.ScrollPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The backup schedule: due routers queued once, settings outside the limits refused.
 */
class BackupScheduleTests extends BackupTest {

	@Test
	void shouldQueueScheduledBackupsOnlyWhenDueAndNotAlreadyQueued() {
		assertThat(TenantContext.callAs(this.tenant, this.sweep::dueRouters)).isEmpty();
		inTenant(() -> this.schedule.change(true, Duration.ofHours(6), 30, 90, false, false, STAFF));
		assertThat(TenantContext.callAs(this.tenant, this.sweep::dueRouters)).containsExactly(this.routerId);
		this.sweep.sweep(() -> false);
		assertThat(queuedBackups()).isOne();
		assertThat(TenantContext.callAs(this.tenant, this.sweep::dueRouters)).isEmpty();
		this.sweep.sweep(() -> false);
		assertThat(queuedBackups()).as("not queued twice").isOne();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> inTenant(() -> this.backups.list(this.routerId, null, ScrollPosition.keyset(), 10))
				.getContent()
				.size() == 1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> TenantContext.callAs(this.tenant, this.sweep::dueRouters).isEmpty());
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

	private int queuedBackups() {
		return this.jdbc
			.sql("SELECT count(*) FROM " + this.tenant.schemaName() + ".router_operation WHERE kind = 'BACKUP_ROUTER'")
			.query(Integer.class)
			.single();
	}

}
