package io.towerline.core.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.actor.Actor;
import io.towerline.core.drift.DriftChecks;
import io.towerline.core.drift.DriftDifference;
import io.towerline.core.drift.DriftItem;
import io.towerline.core.drift.DriftReport;
import io.towerline.core.drift.DriftReports;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.ProfileSettings;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.router.RouterAccess;
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
import io.towerline.mikrotik.ppp.PppProfileSpec;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A plan's profile settings and managed pool reach the router, follow the plan's changes
 * (values that go are cleared, not left behind), and a router that strays shows in drift.
 */
@SpringBootTest
class PlanProfileSettingsTests extends DatabaseTest {

	@Autowired
	Subscribers subscribers;

	@Autowired
	Plans plans;

	@Autowired
	Routers routers;

	@Autowired
	RouterAccess access;

	@Autowired
	RouterOperations operations;

	@Autowired
	DriftChecks checks;

	@Autowired
	DriftReports reports;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TransactionTemplate transactions;

	RouterOsSimulator simulator;

	TenantId tenant;

	UUID routerId;

	@BeforeEach
	void router() {
		this.simulator = RouterOsSimulator.builder().version(SimulatorVersion.V7_19).user("api", "router-pass").start();
		this.tenant = TenantId.of(TestDatabase.uniqueSlug("profile"));
		this.onboarding.onboard(this.tenant.slug(), "Profiles", RateLimitTier.STARTER);
		this.routerId = inTenant(() -> this.routers
			.create(RouterDetails.of("core", "127.0.0.1", this.simulator.port(), false, null, null, "api"),
					"router-pass")
			.id());
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void shouldKeepEverySettingAndThePoolOnTheRouterAndClearWhatThePlanDrops() {
		ProfileSettings settings = ProfileSettings.of("10.50.0.1", "pool-fibre", "10.50.0.2-10.50.3.254",
				List.of("1.1.1.1", "9.9.9.9"), true, "fibre-subscribers", null, Duration.ofHours(24),
				Duration.ofMinutes(15));
		Plan plan = inTenant(() -> this.plans
			.create(PlanDetails.of("Fibre 100", "fibre-100", RateLimit.parse("20M/100M"), null, settings)));
		Changed created = inTenant(() -> this.subscribers.create(draft("alice", plan.id()), Actor.of("user:test")));
		awaitSucceeded(created.operation().id());

		assertThat(this.simulator.pool("pool-fibre").orElseThrow()).containsEntry("ranges", "10.50.0.2-10.50.3.254");
		assertThat(this.simulator.profile("fibre-100").orElseThrow()).containsEntry("local-address", "10.50.0.1")
			.containsEntry("remote-address", "pool-fibre")
			.containsEntry("dns-server", "1.1.1.1,9.9.9.9")
			.containsEntry("only-one", "yes")
			.containsEntry("address-list", "fibre-subscribers")
			.containsEntry("session-timeout", "1d")
			.containsEntry("idle-timeout", "15m");

		ProfileSettings fewer = ProfileSettings.of("10.50.0.1", "pool-fibre", "10.60.0.0/22", List.of(), null, null,
				null, null, null);
		inTenant(() -> this.plans.update(plan.id(),
				PlanDetails.of("Fibre 100", "fibre-100", RateLimit.parse("20M/100M"), null, fewer),
				Actor.user("plan-editor")));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.simulator.profile("fibre-100").orElseThrow())
				.doesNotContainKeys("dns-server", "session-timeout", "idle-timeout")
				.containsEntry("only-one", "default")
				.containsEntry("address-list", ""));
		assertThat(this.simulator.pool("pool-fibre").orElseThrow()).containsEntry("ranges", "10.60.0.0/22");
	}

	@Test
	void shouldReportAProfileSettingChangedOnTheRouterAsDrift() {
		ProfileSettings settings = ProfileSettings.of(null, null, null, List.of("1.1.1.1"), null, "subs", null, null,
				null);
		Plan plan = inTenant(
				() -> this.plans.create(PlanDetails.of("Home", "home", RateLimit.parse("5M/20M"), null, settings)));
		Changed created = inTenant(() -> this.subscribers.create(draft("bob", plan.id()), Actor.of("user:test")));
		awaitSucceeded(created.operation().id());
		this.access.client(inTenant(() -> this.routers.get(this.routerId)))
			.pppProfiles()
			.upsert(PppProfileSpec.named("home").withDnsServer("8.8.8.8").withQueueing("other-list", null));

		DriftReport report = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		List<DriftItem> items = inTenant(
				() -> this.reports.items(report.id(), null, ScrollPosition.offset(), 100).getContent());
		assertThat(items).singleElement()
			.satisfies((item) -> assertThat(item.differences())
				.extracting(DriftDifference::field, DriftDifference::platformValue, DriftDifference::routerValue)
				.containsExactlyInAnyOrder(tuple("dnsServers", "1.1.1.1", "8.8.8.8"),
						tuple("addressList", "subs", "other-list")));
	}

	private SubscriberDraft draft(String username, UUID planId) {
		return new SubscriberDraft(username, "secret-1", planId, this.routerId, null,
				SubscriberProfile.of("Test Person", null, null, null, null, null));
	}

	private void awaitSucceeded(UUID operationId) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			RouterOperation current = inTenant(() -> this.operations.get(operationId));
			assertThat(current.status()).as("operation %s (last error %s)", current.kind(), current.lastError())
				.isEqualTo(OperationStatus.SUCCEEDED);
		});
	}

	private <T> T inTenant(Supplier<T> work) {
		return TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> work.get()));
	}

}
