package io.towerline.api.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TableActivity;
import io.towerline.api.support.TableActivity.Measured;
import io.towerline.api.support.TestTokens;
import io.towerline.core.lifecycle.LifecycleEvaluation;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An evaluation with nothing due costs a tenant one cheap indexed look and nothing else:
 * no policy, plan or subscriber rows read, no row written anywhere, however small the
 * tenant (a small table tempts the planner into reading every row). Counted by PostgreSQL
 * for the evaluating transaction alone, so other tests' work does not count. Work that is
 * due is still found: a changed expiry, and the next step's day.
 */
class IdleEvaluationTests extends ApiTest {

	private static final int SUBSCRIBERS = 40;

	@Autowired
	LifecycleEvaluation evaluation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	final List<TenantId> tenants = new ArrayList<>();

	@BeforeEach
	void tenantsWithExpiries() {
		for (int i = 0; i < 3; i++) {
			TenantId tenant = newTenant("life-idle");
			LifecycleTenant.create(tenant, as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN")), this.jdbc, "idle")
				// expiries 5 to 44 days out: some notices may be due at once, most
				// later, and no step needs the (unreachable) router before the first
				// later notice
				.addSubscribers(this.jdbc, "idle", SUBSCRIBERS, LocalDate.now(LifecycleFlowTests.ZONE).plusDays(5), 1);
			this.tenants.add(tenant);
		}
	}

	@Test
	void shouldDoNoWorkForTenantsWithNothingDue() {
		Instant now = Instant.now();
		for (TenantId tenant : this.tenants) {
			// the scheduled evaluation may have taken some or all of them first: what
			// matters is that, after this pass, nothing is due
			assertThat(evaluate(tenant, now).result()).isBetween(0, SUBSCRIBERS);
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM " + tenant.schemaName() + ".subscriber_lifecycle WHERE next_due_at <= ?")
				.param(Timestamp.from(now))
				.query(Long.class)
				.single()).as("subscribers of %s still due after a full pass", tenant).isZero();
		}
		long timeline = count("subscriber_timeline");
		long outbox = count("notification_outbox");

		for (TenantId tenant : this.tenants) {
			Measured<Integer> again = evaluate(tenant, now);
			assertThat(again.result()).isZero();
			assertThat(again.activity().rowsWritten()).as("rows written by an idle pass of %s", tenant).isZero();
			assertThat(again.activity().scans()).as("scans of %s's tables", tenant).isLessThanOrEqualTo(1);
			assertThat(again.activity().rowsRead()).as("rows read from %s's tables", tenant).isLessThanOrEqualTo(1);
		}
		assertThat(count("subscriber_timeline")).isEqualTo(timeline);
		assertThat(count("notification_outbox")).isEqualTo(outbox);
	}

	@Test
	void shouldStillFindWhatBecameDue() {
		Instant now = Instant.now();
		this.tenants.forEach((tenant) -> evaluate(tenant, now));
		TenantId changed = this.tenants.get(1);
		this.jdbc
			.sql("UPDATE " + changed.schemaName() + ".subscriber SET expires_on = expires_on + 30"
					+ " WHERE username = 'idle5'")
			.update();

		List<Integer> looked = this.tenants.stream().map((tenant) -> evaluate(tenant, Instant.now()).result()).toList();
		// the scheduled evaluation may have looked at the changed one first; the others
		// had nothing due either way
		assertThat(looked.get(0)).isZero();
		assertThat(looked.get(1)).isBetween(0, 1);
		assertThat(looked.get(2)).isZero();
		assertThat(this.jdbc
			.sql("SELECT l.notices_expiry = s.expires_on FROM " + changed.schemaName() + ".subscriber_lifecycle l JOIN "
					+ changed.schemaName() + ".subscriber s ON s.id = l.subscriber_id WHERE s.username = 'idle5'")
			.query(Boolean.class)
			.single()).as("the changed expiry was looked at").isTrue();
		// at the first subscriber's next notice, exactly the subscribers due by then are
		// looked at
		TenantId first = this.tenants.get(0);
		Instant next = this.jdbc.sql("SELECT min(next_due_at) FROM " + first.schemaName() + ".subscriber_lifecycle")
			.query(Timestamp.class)
			.single()
			.toInstant();
		long due = this.jdbc
			.sql("SELECT count(*) FROM " + first.schemaName() + ".subscriber_lifecycle WHERE next_due_at <= ?")
			.param(Timestamp.from(next))
			.query(Long.class)
			.single();
		assertThat(due).isPositive();
		assertThat(evaluate(first, next).result()).isEqualTo((int) due);
	}

	private Measured<Integer> evaluate(TenantId tenant, Instant now) {
		return TableActivity.measure(this.transactions, this.jdbc, tenant, () -> this.evaluation.evaluateDue(now));
	}

	private long count(String table) {
		long total = 0;
		for (TenantId tenant : this.tenants) {
			total += this.jdbc.sql("SELECT count(*) FROM " + tenant.schemaName() + "." + table)
				.query(Long.class)
				.single();
		}
		return total;
	}

}
