package io.towerline.api.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.lifecycle.LifecycleEvaluation;
import io.towerline.core.notification.Outbox;
import io.towerline.core.notification.Outbox.OutboxFilter;
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
			String grace = LifecycleFlowTests.createPlan(admin, "Grace", "grace", "1M");
			LifecycleFlowTests.setPolicy(admin, grace, List.of(3), 1);
			LocalDate expiresOn = LocalDate.now(LifecycleFlowTests.ZONE).plusDays(20);
			List<Map<String, Object>> rows = new ArrayList<>();
			for (int i = 0; i < SUBSCRIBERS; i++) {
				rows.add(Map.of("username", "race" + i, "password", "secret-" + i, "planId", network.planId(),
						"routerId", network.routerId(), "email", "race" + i + "@example.net", "expiresOn",
						expiresOn.toString()));
			}
			admin.documentName("bulkCreateSubscribers")
				.variable("input", Map.of("subscribers", rows))
				.execute()
				.path("bulkCreateSubscribers.accepted")
				.entity(Integer.class)
				.isEqualTo(SUBSCRIBERS);

			Instant noticeMoment = expiresOn.minusDays(3)
				.atTime(LifecycleFlowTests.HOUR, 0)
				.atZone(LifecycleFlowTests.ZONE)
				.toInstant();
			race(tenant, noticeMoment.plusSeconds(60), 4);
			assertOncePerSubscriber(notices(tenant, "lifecycle.notice_due"));

			race(tenant, at(expiresOn.plusDays(1)), 4);
			assertOncePerSubscriber(notices(tenant, "lifecycle.grace_started"));
			race(tenant, at(expiresOn.plusDays(2)), 4);
			assertOncePerSubscriber(notices(tenant, "lifecycle.suspended"));
			assertThat(notices(tenant, "lifecycle.notice_due")).hasSize(SUBSCRIBERS);
		}
		finally {
			network.close();
		}
	}

	private static Instant at(LocalDate day) {
		return day.atTime(LifecycleFlowTests.HOUR, 0).atZone(LifecycleFlowTests.ZONE).toInstant();
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
		List<OutboxMessage> all = new ArrayList<>();
		TenantContext.runAs(tenant, () -> {
			UUID after = null;
			List<OutboxMessage> page;
			do {
				page = this.outbox.list(new OutboxFilter(null, null, null, null, type), after, 100);
				all.addAll(page);
				after = page.isEmpty() ? null : page.get(page.size() - 1).id();
			}
			while (page.size() == 100);
		});
		return all;
	}

}
