package io.towerline.api.lifecycle;

import java.time.Instant;
import java.time.LocalDate;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TableActivity;
import io.towerline.api.support.TableActivity.Measured;
import io.towerline.api.support.TestTokens;
import io.towerline.core.lifecycle.LifecycleEvaluation;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many notices in one evaluation cost a handful of statements, not a few per notice: the
 * contacts and opt-outs are read once for the batch, and the timeline entries and outbox
 * messages are written together. Counted as scans of the tenant's tables by PostgreSQL
 * for the evaluating transaction alone; every notice still gets its entry and message.
 */
class NoticeBatchTests extends ApiTest {

	private static final int SUBSCRIBERS = 60;

	@Autowired
	LifecycleEvaluation evaluation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void shouldWriteTheNoticesOfABatchTogether() {
		TenantId tenant = newTenant("life-notices");
		LocalDate expiresOn = LocalDate.now(LifecycleFlowTests.ZONE).plusDays(10);
		LifecycleTenant.create(tenant, as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN")), this.jdbc, "notice")
			.addSubscribers(this.jdbc, "notice", SUBSCRIBERS, expiresOn, 0);
		// every tenth subscriber opted out of e-mail: the batch's opt-outs still apply
		this.jdbc
			.sql("INSERT INTO " + tenant.schemaName() + ".notification_opt_out (subscriber_id, channel)"
					+ " SELECT id, 'EMAIL' FROM " + tenant.schemaName() + ".subscriber WHERE username LIKE 'notice%0'")
			.update();

		// the day before the expiry, after the action hour: the one-day notice for
		// everyone
		Instant dayBefore = expiresOn.minusDays(1)
			.atTime(LifecycleFlowTests.HOUR, 30)
			.atZone(LifecycleFlowTests.ZONE)
			.toInstant();
		Measured<Integer> pass = TableActivity.measure(this.transactions, this.jdbc, tenant,
				() -> this.evaluation.evaluateDue(dayBefore));

		assertThat(pass.result()).isEqualTo(SUBSCRIBERS);
		assertThat(count(tenant, "subscriber_timeline WHERE kind = 'lifecycle.notice_due'")).isEqualTo(SUBSCRIBERS);
		assertThat(count(tenant, "notification_outbox WHERE channel = 'EMAIL' AND status = 'QUEUED'"))
			.isEqualTo(SUBSCRIBERS - SUBSCRIBERS / 10);
		assertThat(count(tenant, "notification_outbox WHERE channel = 'EMAIL' AND status = 'OPTED_OUT'"))
			.isEqualTo(SUBSCRIBERS / 10);
		// before, each notice read its subscriber's contact and opt-outs: two scans a
		// notice
		assertThat(pass.activity().scans()).as("scans of the tenant's tables for %d notices", SUBSCRIBERS)
			.isLessThan(SUBSCRIBERS / 2);
	}

	private long count(TenantId tenant, String tableAndCondition) {
		return this.jdbc.sql("SELECT count(*) FROM " + tenant.schemaName() + "." + tableAndCondition)
			.query(Long.class)
			.single();
	}

}
