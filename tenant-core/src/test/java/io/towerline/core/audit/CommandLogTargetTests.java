package io.towerline.core.audit;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandTarget.Kind;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
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
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command log names a subscriber only on commands that acted on one (their secret,
 * their session, their password revealed), and names every other command's item by its
 * kind: a plan's profile changed for the plan, or checked while a subscriber is
 * provisioned, is the profile's, never the subscriber's nor taken for one.
 */
@SpringBootTest
class CommandLogTargetTests extends DatabaseTest {

	private static final Set<String> SUBSCRIBER_MENUS = Set.of("/ppp/secret/", "/ppp/active/",
			"platform:reveal-password");

	@Autowired
	Subscribers subscribers;

	@Autowired
	Plans plans;

	@Autowired
	Routers routers;

	@Autowired
	RouterOperations operations;

	@Autowired
	RouterCommandLog commandLog;

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
		this.simulator = RouterOsSimulator.builder().version(SimulatorVersion.V7_19).user("api", "router-pass").start();
		this.tenant = TenantId.of(TestDatabase.uniqueSlug("target"));
		this.onboarding.onboard(this.tenant.slug(), "Targets", RateLimitTier.STARTER);
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
	void shouldNameASubscriberOnlyOnTheirCommandsAndEveryOtherItemByItsKind() {
		Changed created = inTenant(() -> this.subscribers.create(draft("alice"), Actor.of("user:test")));
		awaitSucceeded(created.operation());
		// the plan edited: its profile is set on the router, by no subscriber's work
		inTenant(() -> this.plans.update(this.planId,
				PlanDetails.of("Home 20", "home-20", RateLimit.parse("10M/40M"), null), Actor.of("user:test")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> entries().stream()
				.anyMatch((entry) -> entry.action().equals("/ppp/profile/set")
						&& entry.outcome().equals(CommandOutcome.SUCCEEDED.name())));
		assertThat(this.simulator.connectSubscriber("alice")).isTrue();
		awaitSucceeded(
				inTenant(() -> this.subscribers.suspend(created.subscriber().id(), Actor.of("user:test"))).operation());
		inTenant(() -> this.subscribers.revealPassword(created.subscriber().id(), Actor.of("user:test")));

		List<CommandLogEntry> log = entries();
		assertThat(log).extracting(CommandLogEntry::action)
			.contains("/ppp/secret/add", "/ppp/profile/add", "/ppp/profile/set", "/ppp/active/remove",
					"platform:reveal-password");
		for (CommandLogEntry entry : log) {
			boolean subscriberMenu = SUBSCRIBER_MENUS.stream().anyMatch(entry.action()::startsWith);
			if (entry.subscriber() != null) {
				assertThat(subscriberMenu).as("%s names subscriber %s", entry.action(), entry.subscriber()).isTrue();
				assertThat(entry.subscriber()).as(entry.action()).isEqualTo("alice");
				assertThat(entry.target()).isEqualTo(new CommandTarget(Kind.SUBSCRIBER, "alice"));
			}
			if (entry.action().startsWith("/ppp/profile/") && !entry.action().equals("/ppp/profile/print")) {
				assertThat(entry.target()).as(entry.action()).isEqualTo(new CommandTarget(Kind.PROFILE, "home-20"));
			}
			if (subscriberMenu && !entry.action().endsWith("/listen") && !entry.action().endsWith("/print")) {
				assertThat(entry.subscriber()).as(entry.action()).isEqualTo("alice");
			}
		}
		// the filter reads the same column: a profile's name finds nothing, the
		// subscriber's finds only theirs
		assertThat(entries("home-20")).isEmpty();
		assertThat(entries("alice")).isNotEmpty()
			.allSatisfy((entry) -> assertThat(SUBSCRIBER_MENUS.stream().anyMatch(entry.action()::startsWith))
				.as(entry.action())
				.isTrue());
	}

	private List<CommandLogEntry> entries() {
		return entries(null);
	}

	private List<CommandLogEntry> entries(String subscriber) {
		return inTenant(() -> this.commandLog
			.list(new CommandLogFilter(this.routerId, subscriber, null, null, null, null), null, 200));
	}

	private SubscriberDraft draft(String username) {
		return new SubscriberDraft(username, "secret-1", this.planId, this.routerId, null,
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
