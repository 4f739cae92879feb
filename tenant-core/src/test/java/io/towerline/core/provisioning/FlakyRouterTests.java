package io.towerline.core.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.towerline.core.actor.Actor;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.operation.SyncState;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberProfile;
import io.towerline.core.subscriber.Subscribers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.simulator.FlakyLink;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A router on a bad link (2% {@code !fatal}, 2% dropped connections, 1% replies cut
 * mid-way, 5% replies 3 s late), with the production retry and breaker settings: every
 * operation gets through, none FAILED, and the router ends matching the database.
 */
@SpringBootTest(properties = { "towerline.operations.max-attempts=8", "towerline.operations.initial-backoff=2s",
		"towerline.operations.max-backoff=5m", "towerline.routers.breaker-open-for=30s",
		"towerline.routers.breaker-failures=5" })
class FlakyRouterTests extends DatabaseTest {

	private static final int CREATED = 100;

	private static final int CHANGED = 50;

	@Autowired
	Subscribers subscribers;

	@Autowired
	Plans plans;

	@Autowired
	Routers routers;

	@Autowired
	RouterOperations operations;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TransactionTemplate transactions;

	TenantId tenant;

	@Test
	void shouldGetEveryOperationThroughABadAccessLink() {
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.start()) {
			this.tenant = TenantId.of(TestDatabase.uniqueSlug("flaky"));
			this.onboarding.onboard(this.tenant.slug(), "Flaky", RateLimitTier.STARTER);
			UUID router = inTenant(() -> this.routers
				.create(RouterDetails.of("flaky", "127.0.0.1", simulator.port(), false, null, null, "api"),
						"router-pass")
				.id());
			UUID home = inTenant(
					() -> this.plans.create(PlanDetails.of("Home", "home", RateLimit.parse("5M/20M"), null)).id());
			UUID business = inTenant(
					() -> this.plans.create(PlanDetails.of("Business", "biz", RateLimit.parse("20M/50M"), null)).id());
			simulator.faults().flaky(FlakyLink.badAccessLink(2026));

			long started = System.nanoTime();
			List<UUID> operationIds = new ArrayList<>();
			List<UUID> ids = new ArrayList<>();
			for (int i = 0; i < CREATED; i++) {
				int n = i;
				var created = inTenant(
						() -> this.subscribers.create(
								new SubscriberDraft("flaky-" + n, "pw-" + n, home, router, null,
										SubscriberProfile.of(null, null, null, null, null, null)),
								Actor.of("user:test")));
				ids.add(created.subscriber().id());
				operationIds.add(created.operation().id());
			}
			for (int i = 0; i < CHANGED; i++) {
				UUID id = ids.get(i * 2);
				operationIds.add(
						((i % 2 == 0) ? inTenant(() -> this.subscribers.changePlan(id, business, Actor.of("user:test")))
								: inTenant(() -> this.subscribers.disable(id, Actor.of("user:test"))))
							.operation()
							.id());
			}

			await().atMost(Duration.ofMinutes(10))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> inTenant(() -> operationIds.stream()
					.map(this.operations::get)
					.allMatch((operation) -> operation.status().isFinal())));
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			Map<OperationStatus, Long> outcomes = inTenant(() -> operationIds.stream()
				.map(this.operations::get)
				.collect(Collectors.groupingBy(RouterOperation::status, Collectors.counting())));
			int unreachableTries = inTenant(() -> operationIds.stream()
				.map(this.operations::get)
				.mapToInt(RouterOperation::unreachableTries)
				.sum());
			System.out.printf("FLAKY-RESULT %d operations in %s: %s, tries that did not get through: %d%n",
					operationIds.size(), took, outcomes, unreachableTries);
			assertThat(outcomes.keySet()).as("outcomes %s", outcomes)
				.isSubsetOf(OperationStatus.SUCCEEDED, OperationStatus.SUPERSEDED);
			assertThat(inTenant(() -> this.operations.syncOf(ids)).values())
				.allSatisfy((sync) -> assertThat(sync.state()).isEqualTo(SyncState.IN_SYNC));
			for (UUID id : ids) {
				Subscriber wanted = inTenant(() -> this.subscribers.get(id));
				String profile = inTenant(() -> this.plans.get(wanted.planId()).profileName());
				String password = inTenant(() -> this.subscribers.revealPassword(id, Actor.of("user:test")));
				assertThat(simulator.secret(wanted.username())).as(wanted.username())
					.hasValueSatisfying((secret) -> assertThat(secret).containsEntry("profile", profile)
						.containsEntry("disabled", Boolean.toString(!wanted.status().mayConnect()))
						.containsEntry("password", password));
			}
		}
	}

	private <T> T inTenant(Supplier<T> work) {
		return TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> work.get()));
	}

}
