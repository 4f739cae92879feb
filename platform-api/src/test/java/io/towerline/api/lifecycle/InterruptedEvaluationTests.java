package io.towerline.api.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.lifecycle.LifecycleEvaluation;
import io.towerline.core.lifecycle.LifecycleEvents;
import io.towerline.core.notification.Outbox;
import io.towerline.core.notification.OutboxMessage;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A lifecycle run stopped half-way (the replica died) over more subscribers than one
 * batch: at each step — notice, grace, suspension — the run dies inside a later batch,
 * after the earlier ones were committed; the next run takes the flow on from there. Every
 * subscriber gets each notice and each step exactly once: none twice (the committed batch
 * is not redone), none skipped (the batch that died is).
 */
class InterruptedEvaluationTests extends ApiTest {

	private static final int SUBSCRIBERS = 230;

	/** Subscribers per batch (50 in the test context). */
	@Value("${towerline.lifecycle.batch-size}")
	int batch;

	@Autowired
	LifecycleEvaluation evaluation;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	ApplicationEventMulticaster multicaster;

	@Test
	void shouldTakeEverySubscriberOneStepOnceWhenARunDiesHalfWay() {
		TenantId tenant = newTenant("life-crash");
		HttpGraphQlTester admin = as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN"));
		NetworkFixture network = NetworkFixture.create(admin, "crash-1");
		try {
			ExpiringSubscribers subscribers = ExpiringSubscribers.create(admin, network, "crash", SUBSCRIBERS);
			dieAfterThenResume(tenant, LifecycleEvents.NOTICE_DUE, 123, subscribers.noticeDue());
			assertOncePerSubscriber(tenant, LifecycleEvents.NOTICE_DUE);

			dieAfterThenResume(tenant, LifecycleEvents.GRACE_STARTED, this.batch + 1, subscribers.afterExpiry(1));
			assertOncePerSubscriber(tenant, LifecycleEvents.GRACE_STARTED);

			dieAfterThenResume(tenant, LifecycleEvents.SUSPENDED, SUBSCRIBERS - 1, subscribers.afterExpiry(2));
			assertOncePerSubscriber(tenant, LifecycleEvents.SUSPENDED);
			assertOncePerSubscriber(tenant, LifecycleEvents.NOTICE_DUE);
			assertOncePerSubscriber(tenant, LifecycleEvents.GRACE_STARTED);
		}
		finally {
			network.close();
		}
	}

	/**
	 * Runs the flow at {@code now} until the {@code dieAt}-th {@code type} event of the
	 * tenant, where the run dies (nothing of it after that point runs, its open batch
	 * rolls back); then the next run at the same moment.
	 */
	private void dieAfterThenResume(TenantId tenant, String type, int dieAt, Instant now) {
		AtomicInteger seen = new AtomicInteger();
		ApplicationListener<PayloadApplicationEvent<TenantEvent>> dying = ApplicationListener.forPayload((event) -> {
			if (event.tenant().equals(tenant) && event.type().equals(type) && seen.incrementAndGet() == dieAt) {
				throw new ReplicaDied();
			}
		});
		this.context.addApplicationListener(dying);
		try {
			assertThatExceptionOfType(ReplicaDied.class)
				.isThrownBy(() -> TenantContext.callAs(tenant, () -> this.evaluation.evaluateDue(now)));
		}
		finally {
			this.multicaster.removeApplicationListener(dying);
		}
		int committed = (dieAt - 1) / this.batch * this.batch;
		assertThat(committed).as("the run dies after a committed batch").isPositive();
		assertThat(timeline(tenant, type)).as("the batches before the one that died were committed")
			.hasSize(committed)
			.doesNotHaveDuplicates();

		int looked = TenantContext.callAs(tenant, () -> this.evaluation.evaluateDue(now));

		assertThat(looked).as("the next run looks at the subscribers the dead one had not finished")
			.isEqualTo(SUBSCRIBERS - committed);
		assertThat(TenantContext.callAs(tenant, () -> this.evaluation.evaluateDue(now)))
			.as("and then nothing is due at that moment")
			.isZero();
	}

	private void assertOncePerSubscriber(TenantId tenant, String type) {
		List<UUID> stepped = timeline(tenant, type);
		assertThat(stepped).as(type + " in the timeline").hasSize(SUBSCRIBERS).doesNotHaveDuplicates();
		List<OutboxMessage> sent = notices(tenant, type);
		assertThat(sent).as(type + " notices").hasSize(SUBSCRIBERS);
		assertThat(sent.stream().map(OutboxMessage::subscriberId).distinct()).hasSize(SUBSCRIBERS);
	}

	private List<UUID> timeline(TenantId tenant, String kind) {
		return this.jdbc.sql("SELECT subscriber_id FROM " + tenant.schemaName() + ".subscriber_timeline WHERE kind = ?")
			.param(kind)
			.query(UUID.class)
			.list();
	}

	private List<OutboxMessage> notices(TenantId tenant, String type) {
		return ExpiringSubscribers.notices(this.outbox, tenant, type);
	}

	/** The replica stopping: no catch of the flow sees it. */
	static final class ReplicaDied extends Error {

		ReplicaDied() {
			super("replica died", null, false, false);
		}

	}

}
