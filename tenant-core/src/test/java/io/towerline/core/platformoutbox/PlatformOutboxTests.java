package io.towerline.core.platformoutbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.core.testsupport.TwoClusterTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The outbox of a tenant on another cluster (ADR 0183): what a transaction puts there
 * stands or falls with it; what a crash left undelivered is delivered by a drain, and
 * delivering an entry twice (a crash between delivery and its removal) leaves one job and
 * one security event on main.
 */
@SpringBootTest
class PlatformOutboxTests extends TwoClusterTest {

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	PlatformOutbox outbox;

	@Autowired
	OutboxDrain drain;

	@Autowired
	TenantClusters clusters;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient platform;

	@Test
	void shouldKeepNothingOfARolledBackTransaction() {
		TenantId tenant = onEast("obroll");
		assertThatIllegalStateException().isThrownBy(() -> TenantContext.runAs(tenant, () -> {
			assertThat(this.outbox.defers()).isTrue();
			this.transactions.executeWithoutResult((tx) -> {
				this.outbox.append("SECURITY_EVENT", event(tenant, "rolled-back"));
				throw new IllegalStateException("the change failed");
			});
		}));
		assertThat(eastJdbc().sql("SELECT count(*) FROM " + tenant.schemaName() + ".platform_outbox")
			.query(Integer.class)
			.single()).isZero();
		assertThat(events(tenant, "rolled-back")).isZero();
	}

	@Test
	void shouldDeliverWhatACrashLeftOnceEvenWhenDeliveredTwice() {
		TenantId tenant = onEast("obcrash");
		assertThat(this.clusters.placedOffMain()).contains(tenant);
		UUID jobEntry = UUID.randomUUID();
		UUID eventEntry = UUID.randomUUID();
		UUID report = UUID.randomUUID();
		String instance = tenant.slug() + ":" + report;
		// due tomorrow, so that it is only queued, not run
		String job = "{\"task\":\"report-generation\",\"instance\":\"" + instance + "\",\"data\":\"{\\\"tenant\\\":\\\""
				+ tenant.slug() + "\\\",\\\"reportId\\\":\\\"" + report + "\\\"}\",\"at\":\""
				+ Instant.now().plus(1, ChronoUnit.DAYS) + "\"}";
		try {
			for (int delivery = 0; delivery < 2; delivery++) {
				// the second time: the same entries back, as after a crash between their
				// delivery and the commit that removes them
				leave(tenant, jobEntry, "JOB", job);
				leave(tenant, eventEntry, "SECURITY_EVENT", event(tenant, "left-by-crash"));
				assertThat(this.drain.drain(tenant)).isEqualTo(2);
				assertThat(this.platform.sql("SELECT count(*) FROM public.scheduled_tasks WHERE task_instance = ?")
					.param(instance)
					.query(Integer.class)
					.single()).isEqualTo(1);
				assertThat(events(tenant, "left-by-crash")).isEqualTo(1);
				assertThat(this.drain.drain(tenant)).as("nothing left").isZero();
			}
		}
		finally {
			this.platform.sql("DELETE FROM public.scheduled_tasks WHERE task_instance = ?").param(instance).update();
		}
	}

	private TenantId onEast(String prefix) {
		String slug = TestDatabase.uniqueSlug(prefix);
		this.onboarding.onboard(slug, slug, RateLimitTier.STARTER, EAST);
		return TenantId.of(slug);
	}

	private void leave(TenantId tenant, UUID id, String kind, String body) {
		eastJdbc()
			.sql("INSERT INTO " + tenant.schemaName()
					+ ".platform_outbox (id, kind, body, created_at) VALUES (?, ?, ?, now())")
			.params(id, kind, body)
			.update();
	}

	private int events(TenantId tenant, String subject) {
		return this.platform.sql("SELECT count(*) FROM public.security_event WHERE tenant = ? AND subject = ?")
			.params(tenant.slug(), subject)
			.query(Integer.class)
			.single();
	}

	private static String event(TenantId tenant, String subject) {
		return "{\"type\":\"USER_CREATED\",\"tenant\":\"" + tenant.slug() + "\",\"actor\":\"test\",\"subject\":\""
				+ subject + "\",\"detail\":null,\"occurredAt\":\"" + Instant.now() + "\"}";
	}

	private static JdbcClient eastJdbc() {
		DataSource server = new DriverManagerDataSource(TwoClusterTest.east().server().url(),
				TwoClusterTest.east().server().username(), TwoClusterTest.east().server().password());
		return JdbcClient.create(server);
	}

}
