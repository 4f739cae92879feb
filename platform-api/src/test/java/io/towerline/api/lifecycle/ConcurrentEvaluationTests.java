package io.towerline.api.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.lifecycle.LifecycleEvaluation;
import io.towerline.core.notification.Outbox;
import io.towerline.core.notification.OutboxMessage;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluators running at the same moment (replicas, or the scheduled task beside a manual
 * run) take disjoint subscribers: every notice and every suspension happens once.
 */
class ConcurrentEvaluationTests extends ApiTest {

	private static final int SUBSCRIBERS = 160;

	@Autowired
	LifecycleEvaluation evaluation;

	@Autowired
	Outbox outbox;

	@Test
	void shouldSendEachNoticeOnceWhenEvaluatorsRunTogether() throws Exception {
		TenantId tenant = newTenant("life-race");
		HttpGraphQlTester admin = as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN"));
		NetworkFixture network = NetworkFixture.create(admin, "race-1");
		try {
			ExpiringSubscribers subscribers = ExpiringSubscribers.create(admin, network, "race", SUBSCRIBERS);
			race(tenant, subscribers.noticeDue(), 4);
			assertOncePerSubscriber(notices(tenant, "lifecycle.notice_due"));

			race(tenant, subscribers.afterExpiry(1), 4);
			assertOncePerSubscriber(notices(tenant, "lifecycle.grace_started"));
			race(tenant, subscribers.afterExpiry(2), 4);
			assertOncePerSubscriber(notices(tenant, "lifecycle.suspended"));
			assertThat(notices(tenant, "lifecycle.notice_due")).hasSize(SUBSCRIBERS);
		}
		finally {
			network.close();
		}
	}

	private static void assertOncePerSubscriber(List<OutboxMessage> messages) {
		assertThat(messages).hasSize(SUBSCRIBERS);
		assertThat(messages.stream().map(OutboxMessage::subscriberId).distinct()).hasSize(SUBSCRIBERS);
	}

	private void race(TenantId tenant, Instant now, int evaluators) throws Exception {
		CyclicBarrier start = new CyclicBarrier(evaluators);
		try (ExecutorService pool = Executors.newFixedThreadPool(evaluators)) {
			List<CompletableFuture<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < evaluators; i++) {
				runs.add(CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					return TenantContext.callAs(tenant, () -> this.evaluation.evaluateDue(now));
				}, pool));
			}
			int looked = 0;
			for (CompletableFuture<Integer> run : runs) {
				looked += run.get();
			}
			// together they looked at each subscriber once
			assertThat(looked).isEqualTo(SUBSCRIBERS);
		}
	}

	private List<OutboxMessage> notices(TenantId tenant, String type) {
		return ExpiringSubscribers.notices(this.outbox, tenant, type);
	}

}
