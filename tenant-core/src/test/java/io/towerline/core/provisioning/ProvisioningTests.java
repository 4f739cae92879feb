package io.towerline.core.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.operation.WaitReason;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Changed;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberProfile;
import io.towerline.core.subscriber.SubscriberStatus;
import io.towerline.core.subscriber.Subscribers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.simulator.ReceivedCommand;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Subscriber changes reach the simulated router through durable operations, exactly once
 * in effect.
 */
@SpringBootTest
class ProvisioningTests extends DatabaseTest {

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

	RouterOsSimulator simulator;

	TenantId tenant;

	UUID routerId;

	UUID planId;

	@BeforeEach
	void routerAndPlan() {
		this.simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.recordCommands(true)
			.start();
		this.tenant = TenantId.of(TestDatabase.uniqueSlug("prov"));
		this.onboarding.onboard(this.tenant.slug(), "Provisioning", RateLimitTier.STARTER);
		TenantContext.runAs(this.tenant, () -> {
			this.routerId = this.routers
				.create(RouterDetails.of("core", "127.0.0.1", this.simulator.port(), false, null, null, "api"),
						"router-pass")
				.id();
			this.planId = this.plans.create(PlanDetails.of("Home 20", "home-20", RateLimit.parse("5M/20M"), null)).id();
		});
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void shouldCreateTheSecretWithThePlansProfile() {
		Changed created = inTenant(() -> this.subscribers.create(draft("alice", "secret-1"), Actor.of("user:test")));
		awaitSucceeded(created.operation());
		Map<String, String> secret = this.simulator.secret("alice").orElseThrow();
		assertThat(secret).containsEntry("profile", "home-20")
			.containsEntry("password", "secret-1")
			.containsEntry("comment", "towerline:" + created.subscriber().id())
			.containsEntry("disabled", "false");
		assertThat(this.simulator.profile("home-20").orElseThrow()).containsEntry("rate-limit", "5M/20M");
		assertThat(inTenant(() -> this.subscribers.get(created.subscriber().id()).status()))
			.isEqualTo(SubscriberStatus.ACTIVE);
	}

	@Test
	void shouldDisableTheSecretAndEndTheSessionOnSuspend() {
		Changed created = inTenant(() -> this.subscribers.create(draft("bob", "secret-2"), Actor.of("user:test")));
		awaitSucceeded(created.operation());
		assertThat(this.simulator.connectSubscriber("bob")).isTrue();
		assertThat(this.simulator.onlineSubscribers()).contains("bob");

		Changed suspended = inTenant(() -> this.subscribers.suspend(created.subscriber().id(), Actor.of("user:test")));
		awaitSucceeded(suspended.operation());
		assertThat(this.simulator.secret("bob").orElseThrow()).containsEntry("disabled", "true");
		assertThat(this.simulator.onlineSubscribers()).doesNotContain("bob");
	}

	@Test
	void shouldDeliverHostilePasswordsVerbatimAndRejectHostileUsernames() {
		String hostile = "p\"a'ss=word ?name=x /quit";
		Changed created = inTenant(() -> this.subscribers.create(draft("carol", hostile), Actor.of("user:test")));
		awaitSucceeded(created.operation());
		assertThat(this.simulator.secret("carol").orElseThrow()).containsEntry("password", hostile);
		for (String username : List.of("eve\"", "eve name", "=name=x", "eve\n/quit", "", "-eve")) {
			assertThatExceptionOfType(InvalidInputException.class).isThrownBy(
					() -> inTenant(() -> this.subscribers.create(draft(username, "secret-9"), Actor.of("user:test"))));
		}
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(
				() -> inTenant(() -> this.subscribers.create(draft("dave", "bad\npass"), Actor.of("user:test"))));
	}

	@Test
	void shouldWaitWithoutSpendingAttemptsWhileTheRouterIsDownAndApplyOnceWhenItReturns() {
		int port = this.simulator.port();
		this.simulator.close();
		Changed created = inTenant(() -> this.subscribers.create(draft("erin", "secret-5"), Actor.of("user:test")));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> inTenant(() -> this.operations.get(created.operation().id()).unreachableTries()) >= 2);
		RouterOperation waiting = inTenant(() -> this.operations.get(created.operation().id()));
		assertThat(waiting.status()).isEqualTo(OperationStatus.WAITING_FOR_ROUTER);
		assertThat(waiting.waitReason()).isEqualTo(WaitReason.ROUTER_UNREACHABLE);
		assertThat(waiting.errorCode()).isEqualTo("ROUTER_UNREACHABLE");
		assertThat(waiting.attempts()).isZero();
		assertThat(waiting.waitingSince()).isNotNull();
		assertThat(waiting.nextAttemptAt()).isAfter(waiting.waitingSince());

		this.simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.port(port)
			.user("api", "router-pass")
			.recordCommands(true)
			.start();
		awaitSucceeded(created.operation());
		assertThat(this.simulator.secret("erin")).isPresent();
		assertThat(this.simulator.receivedCommands().stream().map(ReceivedCommand::path))
			.filteredOn("/ppp/secret/add"::equals)
			.hasSize(1);
	}

	@Test
	void shouldRemoveTheSecretThenTheRecordOnDelete() {
		Changed created = inTenant(() -> this.subscribers.create(draft("frank", "secret-6"), Actor.of("user:test")));
		awaitSucceeded(created.operation());
		Changed deleted = inTenant(() -> this.subscribers.delete(created.subscriber().id(), Actor.of("user:test")));
		awaitSucceeded(deleted.operation());
		assertThat(this.simulator.secret("frank")).isEmpty();
	}

	private SubscriberDraft draft(String username, String password) {
		return new SubscriberDraft(username, password, this.planId, this.routerId, null,
				SubscriberProfile.of("Test Person", null, null, null, null, null));
	}

	private void awaitSucceeded(RouterOperation operation) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			RouterOperation current = inTenant(() -> this.operations.get(operation.id()));
			assertThat(current.status()).as("operation %s (last error %s)", current.kind(), current.lastError())
				.isEqualTo(OperationStatus.SUCCEEDED);
		});
	}

	private <T> T inTenant(Supplier<T> work) {
		return TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> work.get()));
	}

}
