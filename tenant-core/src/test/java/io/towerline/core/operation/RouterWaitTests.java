package io.towerline.core.operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.actor.Actor;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Changed;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberProfile;
import io.towerline.core.subscriber.Subscribers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.ReservedPort;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.simulator.ReceivedCommand;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A router that stays down: its operations wait without spending attempts (far more tries
 * than {@code max-attempts}), older queued changes are superseded, subscribers show
 * WAITING_FOR_ROUTER, and when the router returns every subscriber ends in its last
 * accepted state; a router that stays away longer than the tenant's policy fails its
 * operations with ROUTER_WAIT_EXPIRED; refused credentials wait until they are changed.
 */
@SpringBootTest(properties = "towerline.operations.max-attempts=3")
class RouterWaitTests extends DatabaseTest {

	private static final int SUBSCRIBERS = 12;

	@Autowired
	Subscribers subscribers;

	@Autowired
	Plans plans;

	@Autowired
	Routers routers;

	@Autowired
	RouterOperations operations;

	@Autowired
	OperationPolicies policies;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TransactionTemplate transactions;

	RouterOsSimulator simulator;

	@Nullable ReservedPort down;

	TenantId tenant;

	UUID routerId;

	UUID home;

	UUID business;

	@BeforeEach
	void routerAndPlans() {
		this.simulator = simulator(0);
		this.tenant = TenantId.of(TestDatabase.uniqueSlug("wait"));
		this.onboarding.onboard(this.tenant.slug(), "Waiting", RateLimitTier.STARTER);
		inTenant(() -> {
			this.routerId = this.routers
				.create(RouterDetails.of("tower", "127.0.0.1", this.simulator.port(), false, null, null, "api"),
						"router-pass")
				.id();
			this.home = this.plans.create(PlanDetails.of("Home", "home", RateLimit.parse("5M/20M"), null)).id();
			this.business = this.plans.create(PlanDetails.of("Business", "biz", RateLimit.parse("20M/50M"), null)).id();
			return null;
		});
	}

	@AfterEach
	void stop() {
		this.simulator.close();
		ReservedPort held = this.down;
		if (held != null) {
			held.close();
		}
	}

	@Test
	void shouldWaitForADownRouterWithoutSpendingAttemptsAndApplyTheLastChangeWhenItReturns() {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < SUBSCRIBERS; i++) {
			Changed created = inTenant(() -> this.subscribers.create(draft("w-" + ids.size()), Actor.of("user:test")));
			ids.add(created.subscriber().id());
		}
		awaitInSync(ids);
		int port = this.simulator.port();
		this.simulator.close();
		// nothing else may answer on the router's port while it is down
		ReservedPort down = ReservedPort.hold(port);
		this.down = down;

		// three changes per subscriber while the router is down
		Map<UUID, List<RouterOperation>> changes = new HashMap<>();
		for (UUID id : ids) {
			List<RouterOperation> ofThisOne = new ArrayList<>();
			ofThisOne.add(inTenant(() -> this.subscribers.disable(id, Actor.of("user:test"))).operation());
			ofThisOne
				.add(inTenant(() -> this.subscribers.changePlan(id, this.business, Actor.of("user:test"))).operation());
			ofThisOne.add(inTenant(() -> this.subscribers.changePassword(id, "new-" + id, Actor.of("user:test")))
				.operation());
			changes.put(id, ofThisOne);
		}
		// far more tries than max-attempts (3), none of them spent an attempt
		await().atMost(Duration.ofSeconds(60))
			.until(() -> changes.values().stream().allMatch((ops) -> current(ops.get(2)).unreachableTries() > 3 * 2));
		// a try shows RUNNING while it runs, and twelve operations try on their own
		// jittered schedules: each is looked at between its own tries (all twelve waiting
		// at one instant is a matter of luck on a loaded machine)
		for (UUID id : ids) {
			List<RouterOperation> ops = changes.get(id);
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				RouterOperation latest = current(ops.get(2));
				assertThat(latest.status()).as("operation %s of %s", latest.id(), id)
					.isEqualTo(OperationStatus.WAITING_FOR_ROUTER);
				assertThat(latest.attempts()).isZero();
				assertThat(latest.waitReason()).isEqualTo(WaitReason.ROUTER_UNREACHABLE);
				assertThat(current(ops.get(0)).status()).isEqualTo(OperationStatus.SUPERSEDED);
				assertThat(current(ops.get(0)).supersededBy()).isIn(ops.get(1).id(), ops.get(2).id());
				assertThat(current(ops.get(1)).status()).isEqualTo(OperationStatus.SUPERSEDED);
				assertThat(current(ops.get(1)).supersededBy()).isEqualTo(ops.get(2).id());
				SubscriberSyncStatus sync = inTenant(() -> this.operations.syncOf(List.of(id))).get(id);
				assertThat(sync.state()).isEqualTo(SyncState.WAITING_FOR_ROUTER);
				assertThat(sync.operation()).isNotNull().extracting(RouterOperation::id).isEqualTo(latest.id());
			});
		}

		down.close();
		this.down = null;
		this.simulator = simulator(port);
		awaitInSync(ids);
		for (UUID id : ids) {
			String name = inTenant(() -> this.subscribers.get(id).username());
			assertThat(this.simulator.secret(name)).as(name)
				.hasValueSatisfying((secret) -> assertThat(secret).containsEntry("profile", "biz")
					.containsEntry("disabled", "true")
					.containsEntry("password", "new-" + id));
			assertThat(current(changes.get(id).get(2)).status()).isEqualTo(OperationStatus.SUCCEEDED);
		}
		// only the latest change of each subscriber ran
		assertThat(this.simulator.receivedCommands().stream().map(ReceivedCommand::path))
			.filteredOn("/ppp/secret/add"::equals)
			.hasSize(SUBSCRIBERS);
	}

	@Test
	void shouldFailWithRouterWaitExpiredWhenTheRouterStaysAwayLongerThanTheTenantsPolicy() {
		inTenant(() -> this.policies.setRouterWait(Duration.ofSeconds(3), Actor.of("user:test")));
		this.simulator.close();
		Changed created = inTenant(() -> this.subscribers.create(draft("gone-long"), Actor.of("user:test")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> current(created.operation()).status() == OperationStatus.FAILED);
		RouterOperation failed = current(created.operation());
		assertThat(failed.errorCode()).isEqualTo("ROUTER_WAIT_EXPIRED");
		assertThat(failed.lastError()).contains("ROUTER_UNREACHABLE");
		assertThat(failed.attempts()).isZero();
		assertThat(Duration.between(failed.createdAt(), failed.finishedAt()))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(3));
		assertThat(inTenant(() -> this.operations.syncOf(List.of(created.subscriber().id())))
			.get(created.subscriber().id())
			.state()).isEqualTo(SyncState.FAILED);
	}

	@Test
	void shouldWaitForFixedCredentialsInsteadOfRetryingALoginThatFails() {
		UUID wrong = inTenant(() -> this.routers
			.create(RouterDetails.of("wrong-pass", "127.0.0.1", this.simulator.port(), false, null, null, "api"),
					"not-the-password")
			.id());
		Changed created = inTenant(() -> this.subscribers.create(new SubscriberDraft("creds", "pw-1", this.home, wrong,
				null, SubscriberProfile.of(null, null, null, null, null, null)), Actor.of("user:test")));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> current(created.operation()).status() == OperationStatus.WAITING_FOR_ROUTER);
		RouterOperation waiting = current(created.operation());
		assertThat(waiting.waitReason()).isEqualTo(WaitReason.ROUTER_AUTH_FAILED);
		assertThat(waiting.errorCode()).isEqualTo("ROUTER_AUTHENTICATION_FAILED");
		assertThat(waiting.attempts()).isZero();

		// fixing the credentials wakes the operation at once (it would otherwise wait up
		// to the wait-retry interval)
		inTenant(() -> this.routers.update(wrong,
				RouterDetails.of("wrong-pass", "127.0.0.1", this.simulator.port(), false, null, null, "api"),
				"router-pass", true, Actor.system("test")));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> current(created.operation()).status() == OperationStatus.SUCCEEDED);
		assertThat(this.simulator.secret("creds")).isPresent();
	}

	private void awaitInSync(List<UUID> ids) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(
							inTenant(() -> this.operations.syncOf(ids)).values())
						.allSatisfy((sync) -> assertThat(sync.state())
							.as("%s",
									sync.operation() == null ? null
											: sync.operation().status() + " " + sync.operation().lastError())
							.isEqualTo(SyncState.IN_SYNC)));
	}

	private RouterOperation current(RouterOperation operation) {
		return inTenant(() -> this.operations.get(operation.id()));
	}

	private SubscriberDraft draft(String username) {
		return new SubscriberDraft(username, "pw-" + username, this.home, this.routerId, null,
				SubscriberProfile.of(null, null, null, null, null, null));
	}

	private static RouterOsSimulator simulator(int port) {
		return RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.port(port)
			.user("api", "router-pass")
			.recordCommands(true)
			.start();
	}

	private <T> T inTenant(Supplier<T> work) {
		return TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> work.get()));
	}

}
