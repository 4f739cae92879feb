package io.towerline.core.drift;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.actor.Actor;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
	RouterImports routerImports;

	@Autowired
	RouterImportRun importRun;

	@Autowired
	JdbcClient jdbc;

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

		DriftReport report = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
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
							Actor.of("user:test")));
		assertThat(pushed.errors()).isEmpty();
		assertThat(pushed.operationIds()).hasSize(1);
		awaitSucceeded(pushed.operationIds().get(0));
		assertThat(this.simulator.secret("alice").orElseThrow()).containsEntry("password", "secret-1")
			.containsEntry("disabled", "false");
		assertThat(this.simulator.secret("bob").orElseThrow()).containsEntry("password", "secret-2");

		DriftReport after = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		assertThat(after.missingCount() + after.differentCount()).isZero();
		assertThat(inTenant(
				() -> this.reports.items(report.id(), DriftItemState.PUSHED, ScrollPosition.keyset(), 10).getContent()))
			.hasSize(2);
		assertThat(bob.id()).isNotNull();
	}

	@Test
	void shouldRemoveAnUnmanagedSecretOnlyWhenTheRemovalIsConfirmed() {
		DriftReport report = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		DriftItem unmanaged = byName(items(report), "sub00001");
		DriftResolutions.Request unconfirmed = new DriftResolutions.Request(report.id(), List.of(unmanaged.id()), false,
				DriftAction.PUSH, false);
		assertThat(inTenant(() -> this.resolutions.resolve(unconfirmed, Actor.of("user:test"))).errors())
			.singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("confirm"));
		assertThat(this.simulator.secret("sub00001")).isPresent();

		DriftResolutions.Resolution removed = inTenant(() -> this.resolutions.resolve(
				new DriftResolutions.Request(report.id(), List.of(unmanaged.id()), false, DriftAction.PUSH, true),
				Actor.of("user:test")));
		awaitSucceeded(removed.operationIds().get(0));
		assertThat(this.simulator.secret("sub00001")).isEmpty();
	}

	@Test
	void shouldKeepIgnoredItemsIgnoredOnLaterChecksUntilUnignored() {
		DriftReport first = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		DriftItem unmanaged = byName(items(first), "sub00002");
		inTenant(() -> this.resolutions.resolve(
				new DriftResolutions.Request(first.id(), List.of(unmanaged.id()), false, DriftAction.IGNORE, false),
				Actor.of("user:test")));

		DriftReport second = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		assertThat(second.ignoredCount()).isEqualTo(1);
		assertThat(second.unmanagedCount()).isEqualTo(4);
		DriftItem stillIgnored = byName(items(second), "sub00002");
		assertThat(stillIgnored.state()).isEqualTo(DriftItemState.IGNORED);

		inTenant(() -> this.resolutions.resolve(new DriftResolutions.Request(second.id(), List.of(stillIgnored.id()),
				false, DriftAction.UNIGNORE, false), Actor.of("user:test")));
		assertThat(inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test"))).ignoredCount()).isZero();
	}

	@Test
	void shouldAdoptRouterValuesIntoThePlatform() {
		Subscriber alice = provisioned("alice", "secret-1");
		this.simulator.putRawSecretValue("alice", "password", bytes("new-pass"));
		this.simulator.putRawSecretValue("alice", "profile", bytes("plan-50M"));
		DriftReport report = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));

		DriftResolutions.Resolution adopted = inTenant(() -> this.resolutions.resolve(
				new DriftResolutions.Request(report.id(), List.of(), true, DriftAction.ADOPT, false),
				Actor.of("user:test")));
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
		inTenant(() -> this.reports.changeAutomaticRepair(true, Actor.of("user:admin")));

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
	void shouldImportProfilesAndSecretsAsAnOperationWithoutChangingTheRouter() {
		this.simulator.clearReceivedCommands();
		ImportResult result = imported();
		assertThat(result.createdPlanIds()).hasSize(3);
		assertThat(result.subscribersCreated()).isEqualTo(5);
		assertThat(result.alreadyManaged()).isZero();
		assertThat(result.skipped()).isEmpty();
		assertThat(inTenant(() -> this.operations.get(result.operationId()))).satisfies((operation) -> {
			assertThat(operation.progressTotal()).isEqualTo(5);
			assertThat(operation.progressDone()).isEqualTo(5);
			assertThat(operation.progressFailed()).isZero();
		});
		assertThat(this.simulator.receivedCommands()).extracting(ReceivedCommand::path)
			.allSatisfy((path) -> assertThat(path).matches("/login|.*/print"));
		List<Subscriber> imported = inTenant(() -> this.records.onRouter(this.routerId));
		assertThat(imported).extracting(Subscriber::username)
			.containsExactlyInAnyOrder("sub00001", "sub00002", "sub00003", "sub00004", "sub00005");
		Subscriber first = imported.stream().filter((s) -> s.username().equals("sub00001")).findFirst().orElseThrow();
		assertThat(inTenant(() -> this.records.password(first)))
			.isEqualTo(this.simulator.secret("sub00001").orElseThrow().get("password"));
		assertThat(first.status()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(first.routerComment()).isEqualTo("customer 1001");
		assertThat(first.ownsComment()).isFalse();
		assertThat(first.managedComment()).isNull();

		ImportResult again = imported();
		assertThat(again.subscribersCreated()).isZero();
		assertThat(again.alreadyManaged()).isEqualTo(5);
		assertThat(again.createdPlanIds()).isEmpty();
	}

	@Test
	void shouldListWhatAnImportLeftOnTheRouterWithTheReasonAndCountItAsFailedProgress() {
		this.simulator.putRawSecretValue("sub00004", "profile", bytes("default"));
		this.simulator.putRawSecretValue("sub00005", "name", bytes("bad name!"));

		ImportResult result = imported();

		assertThat(result.subscribersCreated()).isEqualTo(3);
		assertThat(result.skipped()).extracting(ImportResult.Skipped::object, ImportResult.Skipped::name)
			.containsExactlyInAnyOrder(tuple(DriftObject.SECRET, "sub00004"), tuple(DriftObject.SECRET, "bad name!"));
		assertThat(result.skipped()).filteredOn((skip) -> skip.name().equals("sub00004"))
			.singleElement()
			.satisfies((skip) -> assertThat(skip.reason()).contains("'default' is not a plan"));
		assertThat(inTenant(() -> this.operations.get(result.operationId()))).satisfies((operation) -> {
			assertThat(operation.status()).isEqualTo(OperationStatus.SUCCEEDED);
			assertThat(operation.progressTotal()).isEqualTo(5);
			assertThat(operation.progressDone()).isEqualTo(3);
			assertThat(operation.progressFailed()).isEqualTo(2);
			assertThat(operation.lastError()).contains("2 secret(s)");
		});

		ImportResult again = imported();
		assertThat(again.skipped()).hasSize(2);
		assertThat(again.alreadyManaged()).isEqualTo(3);
	}

	@Test
	void shouldCheckCleanRightAfterAnImportWhateverTheIspsCommentsAndThenReportExactlyWhatChanged() {
		Map<String, String> comments = new LinkedHashMap<>();
		comments.put("sub00001", "Müller – tower 3 ✓");
		comments.put("sub00002", "");
		comments.put("sub00003", Subscriber.COMMENT_PREFIX + UUID.randomUUID());
		comments.put("sub00004", "x".repeat(300) + " = ; \" ' ?name=x");
		comments.forEach((name, comment) -> this.simulator.putRawSecretValue(name, "comment", bytes(comment)));
		this.simulator.clearReceivedCommands();
		imported();

		DriftReport clean = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		assertThat(items(clean)).isEmpty();
		assertThat(clean.platformSubscribers()).isEqualTo(5);
		comments.forEach((name, comment) -> assertThat(this.simulator.secret(name).orElseThrow().get("comment"))
			.isEqualTo(comment));
		assertThat(inTenant(() -> this.records.onRouter(this.routerId))).extracting(Subscriber::routerComment)
			.containsExactlyInAnyOrder(comments.get("sub00001"), null, comments.get("sub00003"),
					comments.get("sub00004"), "customer 1005");

		this.simulator.putRawSecretValue("sub00003", "disabled", bytes("true"));
		this.simulator.putRawSecretValue("sub00005", "password", bytes("changed-by-hand"));
		this.simulator.putRawSecretValue("sub00001", "comment", bytes("rewritten by the ISP"));
		DriftReport changed = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		List<DriftItem> found = items(changed);
		assertThat(found).extracting(DriftItem::name).containsExactlyInAnyOrder("sub00003", "sub00005");
		assertThat(byName(found, "sub00003").differences()).extracting(DriftDifference::field)
			.containsExactly("disabled");
		assertThat(byName(found, "sub00005").differences()).extracting(DriftDifference::field)
			.containsExactly("password");
		assertThat(this.simulator.receivedCommands()).extracting(ReceivedCommand::path)
			.allSatisfy((path) -> assertThat(path).matches("/login|.*/print"));
	}

	@Test
	void shouldPushAdoptAndIgnoreImportedSecretsWithoutEverWritingTheIspsComment() {
		imported();
		this.simulator.putRawSecretValue("sub00001", "disabled", bytes("true"));
		this.simulator.putRawSecretValue("sub00002", "password", bytes("new-on-router"));
		this.simulator.putRawSecretValue("sub00003", "password", bytes("left-alone"));
		DriftReport report = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		List<DriftItem> found = items(report);
		assertThat(found).extracting(DriftItem::name).containsExactlyInAnyOrder("sub00001", "sub00002", "sub00003");
		this.simulator.clearReceivedCommands();

		DriftResolutions.Resolution pushed = resolve(report, byName(found, "sub00001"), DriftAction.PUSH);
		assertThat(pushed.errors()).isEmpty();
		awaitSucceeded(pushed.operationIds().get(0));
		assertThat(this.simulator.secret("sub00001").orElseThrow()).containsEntry("disabled", "false")
			.containsEntry("comment", "customer 1001");
		assertThat(this.simulator.receivedCommands()).filteredOn((command) -> !command.path().endsWith("/print"))
			.allSatisfy((command) -> assertThat(command.attributes()).doesNotContainKey("comment"));
		assertThat(resolve(report, byName(found, "sub00002"), DriftAction.ADOPT).errors()).isEmpty();
		assertThat(resolve(report, byName(found, "sub00003"), DriftAction.IGNORE).errors()).isEmpty();

		DriftReport after = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		assertThat(items(after)).singleElement().satisfies((item) -> {
			assertThat(item.name()).isEqualTo("sub00003");
			assertThat(item.state()).isEqualTo(DriftItemState.IGNORED);
		});
		Subscriber adopted = inTenant(() -> this.records.byUsernames(List.of("sub00002")).get(0));
		assertThat(inTenant(() -> this.records.password(adopted))).isEqualTo("new-on-router");
		assertThat(adopted.routerComment()).isEqualTo("customer 1002");
	}

	@Test
	void shouldMarkCreatedSubscribersAndLetAnAdoptedCommentBecomeTheIsps() {
		Subscriber alice = provisioned("alice", "secret-1");
		assertThat(this.simulator.secret("alice").orElseThrow()).containsEntry("comment",
				Subscriber.COMMENT_PREFIX + alice.id());
		this.simulator.putRawSecretValue("alice", "comment", bytes("VIP, call first"));
		DriftReport report = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		DriftItem changed = byName(items(report), "alice");
		assertThat(changed.differences()).singleElement().satisfies((difference) -> {
			assertThat(difference.field()).isEqualTo("comment");
			assertThat(difference.platformValue()).isEqualTo(Subscriber.COMMENT_PREFIX + alice.id());
			assertThat(difference.routerValue()).isEqualTo("VIP, call first");
		});

		assertThat(resolve(report, changed, DriftAction.ADOPT).errors()).isEmpty();
		Subscriber adopted = inTenant(() -> this.records.find(alice.id()).orElseThrow());
		assertThat(adopted.ownsComment()).isFalse();
		assertThat(adopted.routerComment()).isEqualTo("VIP, call first");
		assertThat(items(inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")))))
			.noneMatch((item) -> item.name().equals("alice"));

		awaitSucceeded(inTenant(() -> this.subscribers.disable(alice.id(), Actor.of("user:test"))).operation().id());
		assertThat(this.simulator.secret("alice").orElseThrow()).containsEntry("disabled", "true")
			.containsEntry("comment", "VIP, call first");
	}

	@Test
	void shouldFinishAnImportInterruptedAfterItsFirstChunkWithoutCountingAnythingTwice() {
		try (RouterOsSimulator big = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.secrets(RouterImportRun.CHUNK * 2 + 200)
			.onlineShare(0)
			.start()) {
			UUID bigRouter = inTenant(() -> this.routers
				.create(RouterDetails.of("big", "127.0.0.1", big.port(), false, null, null, "api"), "router-pass")
				.id());
			ImportResult first = imported(bigRouter);
			int total = RouterImportRun.CHUNK * 2 + 200;
			assertThat(first.subscribersCreated()).isEqualTo(total);
			// what a crash right after the first chunk committed leaves behind: the first
			// chunk's subscribers and their count
			String schema = this.tenant.schemaName();
			this.jdbc.sql("DELETE FROM " + schema + ".subscriber WHERE router_id = ? AND username > ?")
				.params(bigRouter, String.format("sub%05d", RouterImportRun.CHUNK))
				.update();
			this.jdbc.sql("UPDATE " + schema + ".router_import SET subscribers_created = ? WHERE operation_id = ?")
				.params(RouterImportRun.CHUNK, first.operationId())
				.update();
			List<int[]> progress = new ArrayList<>();

			// run as the operation's worker does: tenant bound, no surrounding
			// transaction
			TenantContext.callAs(this.tenant, () -> this.importRun.run(this.operations.get(first.operationId()),
					(done, failed) -> progress.add(new int[] { done, failed })));

			ImportResult resumed = inTenant(() -> this.routerImports.get(first.operationId()));
			assertThat(resumed.subscribersCreated()).isEqualTo(total);
			assertThat(resumed.alreadyManaged()).isZero();
			assertThat(resumed.createdPlanIds()).isEqualTo(first.createdPlanIds());
			assertThat(inTenant(() -> this.records.onRouter(bigRouter))).hasSize(total);
			assertThat(progress).last().satisfies((last) -> assertThat(last).containsExactly(total, 0));
			DriftReport report = inTenant(() -> this.checks.check(bigRouter, Actor.of("user:test")));
			assertThat(report.missingCount() + report.unmanagedCount() + report.differentCount()).isZero();
		}
	}

	private ImportResult imported() {
		return imported(this.routerId);
	}

	private ImportResult imported(UUID router) {
		UUID operationId = inTenant(() -> this.routerImports.start(router, Actor.of("user:test"))).id();
		awaitSucceeded(operationId);
		return inTenant(() -> this.routerImports.get(operationId));
	}

	private DriftResolutions.Resolution resolve(DriftReport report, DriftItem item, DriftAction action) {
		return inTenant(() -> this.resolutions.resolve(
				new DriftResolutions.Request(report.id(), List.of(item.id()), false, action, false),
				Actor.of("user:test")));
	}

	@Test
	void shouldRecordAFailedCheckWhenTheRouterCannotBeRead() {
		this.simulator.close();
		DriftReport report = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		assertThat(report.status()).isEqualTo(DriftCheckStatus.FAILED);
		assertThat(report.error()).contains("ROUTER_UNREACHABLE");
	}

	private Subscriber provisioned(String username, String password) {
		Changed created = inTenant(() -> this.subscribers.create(new SubscriberDraft(username, password, this.planId,
				this.routerId, null, SubscriberProfile.of(null, null, null, null, null, null)), Actor.of("user:test")));
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
