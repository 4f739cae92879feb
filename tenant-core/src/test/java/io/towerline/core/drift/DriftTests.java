package io.towerline.core.drift;

import java.util.List;
import java.util.Objects;

import io.towerline.core.actor.Actor;
import io.towerline.core.subscriber.Subscriber;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.ScrollPosition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift checks and actions against the simulated router: what changed behind the
 * platform's back is reported and repaired, adopted or ignored; a router that cannot be
 * read gives a failed check.
 */
class DriftTests extends DriftTest {

	@Test
	void shouldReportWhatChangedBehindThePlatformsBackAndRepairItOnPush() {
		Subscriber alice = provisioned("alice", "secret-1");
		Subscriber bob = provisioned("bob", "secret-2");
		this.fixture.simulator().putRawSecretValue("alice", "password", bytes("changed-by-hand"));
		this.fixture.simulator().putRawSecretValue("alice", "disabled", bytes("true"));
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
		assertThat(this.fixture.simulator().secret("alice").orElseThrow()).containsEntry("password", "secret-1")
			.containsEntry("disabled", "false");
		assertThat(this.fixture.simulator().secret("bob").orElseThrow()).containsEntry("password", "secret-2");

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
		assertThat(this.fixture.simulator().secret("sub00001")).isPresent();

		DriftResolutions.Resolution removed = inTenant(() -> this.resolutions.resolve(
				new DriftResolutions.Request(report.id(), List.of(unmanaged.id()), false, DriftAction.PUSH, true),
				Actor.of("user:test")));
		awaitSucceeded(removed.operationIds().get(0));
		assertThat(this.fixture.simulator().secret("sub00001")).isEmpty();
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
		this.fixture.simulator().putRawSecretValue("alice", "password", bytes("new-pass"));
		this.fixture.simulator().putRawSecretValue("alice", "profile", bytes("plan-50M"));
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
		this.fixture.simulator().putRawSecretValue("alice", "password", bytes("changed-by-hand"));
		inTenant(() -> this.reports.changeAutomaticRepair(true, Actor.of("user:admin")));

		DriftReport report = inTenant(() -> this.checks.scheduled(this.routerId));
		DriftItem repaired = byName(items(report), "alice");
		assertThat(repaired.state()).isEqualTo(DriftItemState.PUSHED);
		awaitSucceeded(Objects.requireNonNull(repaired.operationId()));
		assertThat(this.fixture.simulator().secret("alice").orElseThrow()).containsEntry("password", "secret-1");
		assertThat(byName(items(report), "sub00001").state()).isEqualTo(DriftItemState.OPEN);
		assertThat(this.fixture.simulator().secret("sub00001")).isPresent();
		assertThat(alice.id()).isNotNull();
	}

	@Test
	void shouldRecordAFailedCheckWhenTheRouterCannotBeRead() {
		this.fixture.simulator().close();
		DriftReport report = inTenant(() -> this.checks.check(this.routerId, Actor.of("user:test")));
		assertThat(report.status()).isEqualTo(DriftCheckStatus.FAILED);
		assertThat(report.error()).contains("ROUTER_UNREACHABLE");
	}

}
