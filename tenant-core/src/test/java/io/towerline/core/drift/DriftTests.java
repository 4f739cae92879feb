package io.towerline.core.drift;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Changed;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberProfile;
import io.towerline.core.subscriber.SubscriberRecords;
import io.towerline.core.subscriber.SubscriberStatus;
import io.towerline.core.subscriber.Subscribers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.ppp.PppSecretSpec;
import io.towerline.mikrotik.simulator.ReceivedCommand;
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
import static org.awaitility.Awaitility.await;

/**
 * Drift checks, actions and import against the simulated router: what changed behind the
 * platform's back is reported and repaired, adopted or ignored; an import changes nothing
 * on the router.
 */
@SpringBootTest
class DriftTests extends DatabaseTest {

	@Autowired
	DriftChecks checks;

	@Autowired
	DriftReports reports;

	@Autowired
	DriftResolutions resolutions;

	@Autowired
	RouterImport routerImport;

	@Autowired
	Subscribers subscribers;

	@Autowired
	SubscriberRecords records;

	@Autowired
	Plans plans;

	@Autowired
	Routers routers;

	@Autowired
	RouterAccess access;

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
			.secrets(5)
			.recordCommands(true)
			.start();
		this.tenant = TenantId.of(TestDatabase.uniqueSlug("drift"));
		this.onboarding.onboard(this.tenant.slug(), "Drift", RateLimitTier.STARTER);
		inTenant(() -> {
			this.routerId = this.routers
				.create(RouterDetails.of("core", "127.0.0.1", this.simulator.port(), false, null, null, "api"),
						"router-pass")
				.id();
			this.planId = this.plans.create(PlanDetails.of("Home 20", "home-20", RateLimit.parse("5M/20M"), null)).id();
			return null;
		});
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void shouldReportWhatChangedBehindThePlatformsBackAndRepairItOnPush() {
		Subscriber alice = provisioned("alice", "secret-1");
		Subscriber bob = provisioned("bob", "secret-2");
		this.simulator.putRawSecretValue("alice", "password", bytes("changed-by-hand"));
		this.simulator.putRawSecretValue("alice", "disabled", bytes("true"));
		this.access.client(inTenant(() -> this.routers.get(this.routerId))).pppSecrets().remove("bob");

		DriftReport report = inTenant(() -> this.checks.check(this.routerId, "user:test"));
		assertThat(report.status()).isEqualTo(DriftCheckStatus.COMPLETED);
		assertThat(report.differentCount()).isEqualTo(1);
		assertThat(report.missingCount()).isEqualTo(1);
		assertThat(report.unmanagedCount()).isEqualTo(5);
		List<DriftItem> items = items(report);
		DriftItem different = byName(items, "alice");
		assertThat(different.kind()).isEqualTo(DriftKind.DIFFERENT);
		assertThat(different.subscriberId()).isEqualTo(alice.id());
		assertThat(different.differences()).extracting(DriftDifference::field).containsExactly("disabled", "password");
		assertThat(different.differences()).filteredOn((difference) -> difference.field().equals("password"))
			.singleElement()
			.satisfies((difference) -> {
				assertThat(difference.platformValue()).isNull();
				assertThat(difference.routerValue()).isNull();
				assertThat(difference.summary()).isEqualTo("password differs");
			});
		assertThat(byName(items, "bob").kind()).isEqualTo(DriftKind.MISSING);

		DriftResolutions.Resolution pushed = inTenant(
				() -> this.resolutions
					.resolve(
							new DriftResolutions.Request(report.id(),
									List.of(different.id(), byName(items, "bob").id()), false, DriftAction.PUSH, false),
							"user:test"));
		assertThat(pushed.errors()).isEmpty();
		assertThat(pushed.operationIds()).hasSize(1);
		awaitSucceeded(pushed.operationIds().get(0));
		assertThat(this.simulator.secret("alice").orElseThrow()).containsEntry("password", "secret-1")
			.containsEntry("disabled", "false");
		assertThat(this.simulator.secret("bob").orElseThrow()).containsEntry("password", "secret-2");

		DriftReport after = inTenant(() -> this.checks.check(this.routerId, "user:test"));
		assertThat(after.missingCount() + after.differentCount()).isZero();
		assertThat(inTenant(
				() -> this.reports.items(report.id(), DriftItemState.PUSHED, ScrollPosition.keyset(), 10).getContent()))
			.hasSize(2);
		assertThat(bob.id()).isNotNull();
	}

	@Test
	void shouldRemoveAnUnmanagedSecretOnlyWhenTheRemovalIsConfirmed() {
		DriftReport report = inTenant(() -> this.checks.check(this.routerId, "user:test"));
		DriftItem unmanaged = byName(items(report), "sub00001");
		DriftResolutions.Request unconfirmed = new DriftResolutions.Request(report.id(), List.of(unmanaged.id()), false,
				DriftAction.PUSH, false);
		assertThat(inTenant(() -> this.resolutions.resolve(unconfirmed, "user:test")).errors()).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("confirm"));
		assertThat(this.simulator.secret("sub00001")).isPresent();

		DriftResolutions.Resolution removed = inTenant(() -> this.resolutions.resolve(
				new DriftResolutions.Request(report.id(), List.of(unmanaged.id()), false, DriftAction.PUSH, true),
				"user:test"));
		awaitSucceeded(removed.operationIds().get(0));
		assertThat(this.simulator.secret("sub00001")).isEmpty();
	}

	@Test
	void shouldKeepIgnoredItemsIgnoredOnLaterChecksUntilUnignored() {
		DriftReport first = inTenant(() -> this.checks.check(this.routerId, "user:test"));
		DriftItem unmanaged = byName(items(first), "sub00002");
		inTenant(() -> this.resolutions.resolve(
				new DriftResolutions.Request(first.id(), List.of(unmanaged.id()), false, DriftAction.IGNORE, false),
				"user:test"));

		DriftReport second = inTenant(() -> this.checks.check(this.routerId, "user:test"));
		assertThat(second.ignoredCount()).isEqualTo(1);
		assertThat(second.unmanagedCount()).isEqualTo(4);
		DriftItem stillIgnored = byName(items(second), "sub00002");
		assertThat(stillIgnored.state()).isEqualTo(DriftItemState.IGNORED);

		inTenant(() -> this.resolutions.resolve(new DriftResolutions.Request(second.id(), List.of(stillIgnored.id()),
				false, DriftAction.UNIGNORE, false), "user:test"));
		assertThat(inTenant(() -> this.checks.check(this.routerId, "user:test")).ignoredCount()).isZero();
	}

	@Test
	void shouldAdoptRouterValuesIntoThePlatform() {
		Subscriber alice = provisioned("alice", "secret-1");
		this.simulator.putRawSecretValue("alice", "password", bytes("new-pass"));
		this.simulator.putRawSecretValue("alice", "profile", bytes("plan-50M"));
		DriftReport report = inTenant(() -> this.checks.check(this.routerId, "user:test"));

		DriftResolutions.Resolution adopted = inTenant(() -> this.resolutions.resolve(
				new DriftResolutions.Request(report.id(), List.of(), true, DriftAction.ADOPT, false), "user:test"));
		assertThat(adopted.errors()).isEmpty();
		assertThat(adopted.resolved()).hasSize(6);
		Subscriber updated = inTenant(() -> this.records.find(alice.id()).orElseThrow());
		assertThat(inTenant(() -> this.records.password(updated))).isEqualTo("new-pass");
		assertThat(inTenant(() -> this.plans.get(updated.planId()).profileName())).isEqualTo("plan-50M");
		assertThat(inTenant(() -> this.records.onRouter(this.routerId))).hasSize(6);
	}

	@Test
	void shouldRepairMissingAndDifferentButNeverRemoveUnmanagedWhenAutomatic() {
		Subscriber alice = provisioned("alice", "secret-1");
		this.simulator.putRawSecretValue("alice", "password", bytes("changed-by-hand"));
		inTenant(() -> this.reports.changeAutomaticRepair(true, "user:admin"));

		DriftReport report = inTenant(() -> this.checks.scheduled(this.routerId));
		DriftItem repaired = byName(items(report), "alice");
		assertThat(repaired.state()).isEqualTo(DriftItemState.PUSHED);
		awaitSucceeded(java.util.Objects.requireNonNull(repaired.operationId()));
		assertThat(this.simulator.secret("alice").orElseThrow()).containsEntry("password", "secret-1");
		assertThat(byName(items(report), "sub00001").state()).isEqualTo(DriftItemState.OPEN);
		assertThat(this.simulator.secret("sub00001")).isPresent();
		assertThat(alice.id()).isNotNull();
	}

	@Test
	void shouldImportProfilesAndSecretsWithoutChangingTheRouter() {
		this.simulator.clearReceivedCommands();
		ImportResult result = inTenant(() -> this.routerImport.importRouter(this.routerId, "user:test"));
		assertThat(result.createdPlanIds()).hasSize(3);
		assertThat(result.subscribersCreated()).isEqualTo(5);
		assertThat(this.simulator.receivedCommands()).extracting(ReceivedCommand::path)
			.allSatisfy((path) -> assertThat(path).matches("/login|.*/print"));
		List<Subscriber> imported = inTenant(() -> this.records.onRouter(this.routerId));
		assertThat(imported).extracting(Subscriber::username)
			.containsExactlyInAnyOrder("sub00001", "sub00002", "sub00003", "sub00004", "sub00005");
		Subscriber first = imported.stream().filter((s) -> s.username().equals("sub00001")).findFirst().orElseThrow();
		assertThat(inTenant(() -> this.records.password(first)))
			.isEqualTo(this.simulator.secret("sub00001").orElseThrow().get("password"));
		assertThat(first.status()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(first.notes()).contains("customer 1001");

		ImportResult again = inTenant(() -> this.routerImport.importRouter(this.routerId, "user:test"));
		assertThat(again.subscribersCreated()).isZero();
		assertThat(again.alreadyManaged()).isEqualTo(5);
		assertThat(again.createdPlanIds()).isEmpty();
	}

	@Test
	void shouldRecordAFailedCheckWhenTheRouterCannotBeRead() {
		this.simulator.close();
		DriftReport report = inTenant(() -> this.checks.check(this.routerId, "user:test"));
		assertThat(report.status()).isEqualTo(DriftCheckStatus.FAILED);
		assertThat(report.error()).contains("ROUTER_UNREACHABLE");
	}

	private Subscriber provisioned(String username, String password) {
		Changed created = inTenant(() -> this.subscribers.create(new SubscriberDraft(username, password, this.planId,
				this.routerId, null, SubscriberProfile.of(null, null, null, null, null, null)), "user:test"));
		awaitSucceeded(created.operation().id());
		return created.subscriber();
	}

	private List<DriftItem> items(DriftReport report) {
		return inTenant(() -> this.reports.items(report.id(), null, ScrollPosition.keyset(), 100).getContent());
	}

	private static DriftItem byName(List<DriftItem> items, String name) {
		return items.stream().filter((item) -> item.name().equals(name)).findFirst().orElseThrow();
	}

	private void awaitSucceeded(UUID operationId) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(inTenant(() -> this.operations.get(operationId).status()))
				.isEqualTo(OperationStatus.SUCCEEDED));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private <T> T inTenant(Supplier<T> work) {
		return TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> work.get()));
	}

}
