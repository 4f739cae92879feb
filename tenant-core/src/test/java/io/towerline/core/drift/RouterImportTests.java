package io.towerline.core.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberStatus;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.mikrotik.simulator.ReceivedCommand;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Importing a router's profiles and secrets into the platform: an operation that changes
 * nothing on the router, reports what it left, checks clean right after, and finishes an
 * interrupted run without counting anything twice.
 */
class RouterImportTests extends DriftTest {

	@Test
	void shouldImportProfilesAndSecretsAsAnOperationWithoutChangingTheRouter() {
		this.fixture.simulator().clearReceivedCommands();
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
		assertThat(this.fixture.simulator().receivedCommands()).extracting(ReceivedCommand::path)
			.allSatisfy((path) -> assertThat(path).matches("/login|.*/print"));
		List<Subscriber> imported = inTenant(() -> this.records.onRouter(this.routerId));
		assertThat(imported).extracting(Subscriber::username)
			.containsExactlyInAnyOrder("sub00001", "sub00002", "sub00003", "sub00004", "sub00005");
		Subscriber first = imported.stream().filter((s) -> s.username().equals("sub00001")).findFirst().orElseThrow();
		assertThat(inTenant(() -> this.records.password(first)))
			.isEqualTo(this.fixture.simulator().secret("sub00001").orElseThrow().get("password"));
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
		this.fixture.simulator().putRawSecretValue("sub00004", "profile", bytes("default"));
		this.fixture.simulator().putRawSecretValue("sub00005", "name", bytes("bad name!"));

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
			assertThat(operation.lastError()).contains("2 secrets and 0 profiles left on the router");
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
		comments
			.forEach((name, comment) -> this.fixture.simulator().putRawSecretValue(name, "comment", bytes(comment)));
		this.fixture.simulator().clearReceivedCommands();
		imported();

		DriftReport clean = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		assertThat(items(clean)).isEmpty();
		assertThat(clean.platformSubscribers()).isEqualTo(5);
		comments
			.forEach((name, comment) -> assertThat(this.fixture.simulator().secret(name).orElseThrow().get("comment"))
				.isEqualTo(comment));
		assertThat(inTenant(() -> this.records.onRouter(this.routerId))).extracting(Subscriber::routerComment)
			.containsExactlyInAnyOrder(comments.get("sub00001"), null, comments.get("sub00003"),
					comments.get("sub00004"), "customer 1005");

		this.fixture.simulator().putRawSecretValue("sub00003", "disabled", bytes("true"));
		this.fixture.simulator().putRawSecretValue("sub00005", "password", bytes("changed-by-hand"));
		this.fixture.simulator().putRawSecretValue("sub00001", "comment", bytes("rewritten by the ISP"));
		DriftReport changed = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		List<DriftItem> found = items(changed);
		assertThat(found).extracting(DriftItem::name).containsExactlyInAnyOrder("sub00003", "sub00005");
		assertThat(byName(found, "sub00003").differences()).extracting(DriftDifference::field)
			.containsExactly("disabled");
		assertThat(byName(found, "sub00005").differences()).extracting(DriftDifference::field)
			.containsExactly("password");
		assertThat(this.fixture.simulator().receivedCommands()).extracting(ReceivedCommand::path)
			.allSatisfy((path) -> assertThat(path).matches("/login|.*/print"));
	}

	@Test
	void shouldPushAdoptAndIgnoreImportedSecretsWithoutEverWritingTheIspsComment() {
		imported();
		this.fixture.simulator().putRawSecretValue("sub00001", "disabled", bytes("true"));
		this.fixture.simulator().putRawSecretValue("sub00002", "password", bytes("new-on-router"));
		this.fixture.simulator().putRawSecretValue("sub00003", "password", bytes("left-alone"));
		DriftReport report = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		List<DriftItem> found = items(report);
		assertThat(found).extracting(DriftItem::name).containsExactlyInAnyOrder("sub00001", "sub00002", "sub00003");
		this.fixture.simulator().clearReceivedCommands();

		DriftResolutions.Resolution pushed = resolve(report, byName(found, "sub00001"), DriftAction.PUSH);
		assertThat(pushed.errors()).isEmpty();
		awaitSucceeded(pushed.operationIds().get(0));
		assertThat(this.fixture.simulator().secret("sub00001").orElseThrow()).containsEntry("disabled", "false")
			.containsEntry("comment", "customer 1001");
		assertThat(this.fixture.simulator().receivedCommands())
			.filteredOn((command) -> !command.path().endsWith("/print"))
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
		assertThat(this.fixture.simulator().secret("alice").orElseThrow()).containsEntry("comment",
				Subscriber.COMMENT_PREFIX + alice.id());
		this.fixture.simulator().putRawSecretValue("alice", "comment", bytes("VIP, call first"));
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
		assertThat(this.fixture.simulator().secret("alice").orElseThrow()).containsEntry("disabled", "true")
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

}
