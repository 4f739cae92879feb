package io.towerline.core.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.towerline.core.CoreTestApplication;
import io.towerline.core.actor.Actor;
import io.towerline.core.operation.OperationStatus;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-subscriber order is a guarantee: many subscribers, each changed several times in
 * quick succession from several callers (plan, disable/enable, password), with two
 * application instances working the queue, end with every secret on the router equal to
 * the database's last accepted state, and every subscriber IN_SYNC.
 */
@SpringBootTest
class SubscriberOrderTests extends DatabaseTest {

	private static final int SUBSCRIBERS = 40;

	private static final int ROUNDS = 4;

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
	void shouldLeaveEverySecretInTheLastAcceptedStateWithTwoInstancesWorking() throws Exception {
		TestDatabase.Server db = TestDatabase.server();
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.latency(Duration.ofMillis(5))
			.start();
				ConfigurableApplicationContext second = new SpringApplicationBuilder(CoreTestApplication.class)
					.properties(Map.of("spring.datasource.url", db.url(), "spring.datasource.username", db.username(),
							"spring.datasource.password", db.password(), "spring.main.web-application-type", "none",
							"db-scheduler.polling-interval", "100ms"))
					.run()) {
			// half of the replies come late, so an operation that started first can
			// finish last when operations of one subscriber are allowed to overlap
			simulator.faults().flaky(new FlakyLink(0, 0, 0, 0.5, Duration.ofMillis(300), 7));
			this.tenant = TenantId.of(TestDatabase.uniqueSlug("order"));
			this.onboarding.onboard(this.tenant.slug(), "Order", RateLimitTier.STARTER);
			UUID router = inTenant(() -> this.routers
				.create(RouterDetails.of("order", "127.0.0.1", simulator.port(), false, null, null, "api"),
						"router-pass")
				.id());
			List<UUID> plans = inTenant(() -> List.of(
					this.plans.create(PlanDetails.of("Small", "small", RateLimit.parse("2M/10M"), null)).id(),
					this.plans.create(PlanDetails.of("Large", "large", RateLimit.parse("10M/50M"), null)).id()));
			List<UUID> ids = new ArrayList<>();
			for (int i = 0; i < SUBSCRIBERS; i++) {
				int n = i;
				ids.add(inTenant(() -> this.subscribers
					.create(new SubscriberDraft("ord-" + n, "first-" + n, plans.get(0), router, null,
							SubscriberProfile.of(null, null, null, null, null, null)), Actor.of("user:test"))
					.subscriber()
					.id()));
			}

			// every subscriber changed ROUNDS times in quick succession by several
			// callers,
			// each change arriving while the operation of the previous one is in flight
			try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
				for (int caller = 0; caller < 8; caller++) {
					int first = caller;
					callers.submit(() -> {
						Random random = new Random(first);
						for (int i = first; i < SUBSCRIBERS; i += 8) {
							for (int round = 0; round < ROUNDS; round++) {
								awaitStarted(change(ids.get(i), random.nextInt(3), round, plans));
							}
						}
						return null;
					});
				}
			}

			await().atMost(Duration.ofMinutes(3))
				.untilAsserted(() -> assertThat(inTenant(() -> this.operations.syncOf(ids)).values())
					.allSatisfy((sync) -> assertThat(sync.state()).isEqualTo(SyncState.IN_SYNC)));
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

	private void awaitStarted(UUID operationId) {
		await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> inTenant(() -> this.operations.get(operationId).status() != OperationStatus.QUEUED));
	}

	private UUID change(UUID id, int what, int round, List<UUID> plans) {
		return inTenant(() -> {
			Subscriber subscriber = this.subscribers.get(id);
			return switch (what) {
				case 0 -> this.subscribers.changePlan(id, plans.get(subscriber.planId().equals(plans.get(0)) ? 1 : 0),
						Actor.of("user:test"));
				case 1 -> subscriber.status().mayConnect() ? this.subscribers.disable(id, Actor.of("user:test"))
						: this.subscribers.enable(id, Actor.of("user:test"));
				default -> this.subscribers.changePassword(id, "round-" + round + "-" + id, Actor.of("user:test"));
			};
		}).operation().id();
	}

	private <T> T inTenant(Supplier<T> work) {
		return TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> work.get()));
	}

}
