package io.towerline.core.drift;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberStatus;
import io.towerline.core.subscriber.TestSubscribers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift comparison on its own: one router's secrets against the desired state, field
 * by field, without a database or a router; and every kind of drift found in one pass.
 */
class DriftComparisonTests extends ComparisonTest {

	@Test
	void shouldFindNothingWhenTheRouterMatches() {
		Subscriber alice = active("alice", this.basic);
		Subscriber bob = TestSubscribers.created("bob", this.premium.id(), SubscriberStatus.SUSPENDED);
		Subscriber carol = TestSubscribers.adopted("carol", this.basic.id(), "ISP note");

		List<DriftItem> items = compare(List.of(alice, bob, carol),
				List.of(inSync(alice, this.basic), secret("bob", "pw-bob", "premium", true, bob.managedComment()),
						secret("carol", "pw-carol", "basic", false, "ISP note")),
				List.of(profile("basic", "10M/20M"), profile("premium", "50M/100M 60M/120M 40M/80M 10/10")));

		assertThat(items).isEmpty();
	}

	@Test
	void shouldReportAMissingSecretWithWhatThePlatformWants() {
		Subscriber alice = active("alice", this.basic);

		List<DriftItem> items = compare(List.of(alice), List.of(), List.of(profile("basic", "10M/20M")));

		assertThat(items).singleElement().satisfies((item) -> {
			assertThat(item.object()).isEqualTo(DriftObject.SECRET);
			assertThat(item.kind()).isEqualTo(DriftKind.MISSING);
			assertThat(item.name()).isEqualTo("alice");
			assertThat(item.subscriberId()).isEqualTo(alice.id());
			assertThat(item.differences()).containsExactly(new DriftDifference("profile", "basic", null),
					new DriftDifference("disabled", "false", null),
					new DriftDifference("comment", "towerline:" + alice.id(), null));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "SUSPENDED", "DISABLED" })
	void shouldWantAMissingSecretDisabledWhenTheSubscriberMayNotConnect(SubscriberStatus status) {
		Subscriber alice = TestSubscribers.created("alice", this.basic.id(), status);

		List<DriftItem> items = compare(List.of(alice), List.of(), List.of(profile("basic", "10M/20M")));

		assertThat(items).singleElement()
			.satisfies(
					(item) -> assertThat(item.differences()).contains(new DriftDifference("disabled", "true", null)));
	}

	@Test
	void shouldLeaveAnAdoptedSecretsCommentOutOfAMissingSecret() {
		Subscriber carol = TestSubscribers.adopted("carol", this.basic.id(), "ISP note");

		List<DriftItem> items = compare(List.of(carol), List.of(), List.of(profile("basic", "10M/20M")));

		assertThat(items).singleElement()
			.satisfies((item) -> assertThat(item.differences()).extracting(DriftDifference::field)
				.containsExactly("profile", "disabled"));
	}

	@Test
	void shouldReportASecretThePlatformDoesNotManageWithTheRoutersValues() {
		List<DriftItem> items = compare(List.of(),
				List.of(secret("stranger", "secret", "guest", true, "installed by hand")), List.of());

		assertThat(items).singleElement().satisfies((item) -> {
			assertThat(item.object()).isEqualTo(DriftObject.SECRET);
			assertThat(item.kind()).isEqualTo(DriftKind.UNMANAGED);
			assertThat(item.name()).isEqualTo("stranger");
			assertThat(item.subscriberId()).isNull();
			assertThat(item.differences()).containsExactly(new DriftDifference("profile", null, "guest"),
					new DriftDifference("disabled", null, "true"),
					new DriftDifference("comment", null, "installed by hand"));
		});
	}

	@Test
	void shouldSkipASubscriberBeingDeletedOnBothSides() {
		Subscriber leaving = TestSubscribers.deleting("leaving", this.basic.id());
		Subscriber gone = TestSubscribers.deleting("gone", this.premium.id());

		List<DriftItem> items = compare(List.of(leaving, gone),
				List.of(secret("leaving", "other", "premium", true, null)), List.of());

		assertThat(items).isEmpty();
	}

	@Test
	void shouldReportEachDifferingFieldOfASecretAndOnlyThose() {
		Subscriber alice = active("alice", this.basic);

		List<DriftItem> items = compare(List.of(alice),
				List.of(secret("alice", "pw-alice", "premium", false, alice.managedComment())),
				List.of(profile("basic", "10M/20M")));

		assertThat(items).singleElement().satisfies((item) -> {
			assertThat(item.object()).isEqualTo(DriftObject.SECRET);
			assertThat(item.kind()).isEqualTo(DriftKind.DIFFERENT);
			assertThat(item.name()).isEqualTo("alice");
			assertThat(item.subscriberId()).isEqualTo(alice.id());
			assertThat(item.differences()).containsExactly(new DriftDifference("profile", "basic", "premium"));
		});
	}

	@Test
	void shouldReportAnEnabledSecretOfASuspendedSubscriber() {
		Subscriber bob = TestSubscribers.created("bob", this.basic.id(), SubscriberStatus.SUSPENDED);

		List<DriftItem> items = compare(List.of(bob),
				List.of(secret("bob", "pw-bob", "basic", false, bob.managedComment())),
				List.of(profile("basic", "10M/20M")));

		assertThat(items).singleElement()
			.satisfies((item) -> assertThat(item.differences())
				.containsExactly(new DriftDifference("disabled", "true", "false")));
	}

	@Test
	void shouldReportADisabledSecretOfAnActiveSubscriber() {
		Subscriber alice = active("alice", this.basic);

		List<DriftItem> items = compare(List.of(alice),
				List.of(secret("alice", "pw-alice", "basic", true, alice.managedComment())),
				List.of(profile("basic", "10M/20M")));

		assertThat(items).singleElement()
			.satisfies((item) -> assertThat(item.differences())
				.containsExactly(new DriftDifference("disabled", "false", "true")));
	}

	@Test
	void shouldReportAChangedCommentOnlyWhenThePlatformOwnsIt() {
		Subscriber alice = active("alice", this.basic);
		Subscriber carol = TestSubscribers.adopted("carol", this.basic.id(), "ISP note");

		List<DriftItem> items = compare(List.of(alice, carol),
				List.of(secret("alice", "pw-alice", "basic", false, "edited on the router"),
						secret("carol", "pw-carol", "basic", false, "edited on the router")),
				List.of(profile("basic", "10M/20M")));

		assertThat(items).singleElement().satisfies((item) -> {
			assertThat(item.name()).isEqualTo("alice");
			assertThat(item.differences())
				.containsExactly(new DriftDifference("comment", alice.managedComment(), "edited on the router"));
		});
	}

	@Test
	void shouldReportAMissingCommentOfAManagedSecret() {
		Subscriber alice = active("alice", this.basic);

		List<DriftItem> items = compare(List.of(alice), List.of(secret("alice", "pw-alice", "basic", false, null)),
				List.of(profile("basic", "10M/20M")));

		assertThat(items).singleElement()
			.satisfies((item) -> assertThat(item.differences())
				.containsExactly(new DriftDifference("comment", alice.managedComment(), null)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "wrong", "", "pw-alice ", "pw-alicf", "pw-alic" })
	void shouldReportADifferentPasswordWithoutRevealingIt(String routerPassword) {
		Subscriber alice = active("alice", this.basic);

		List<DriftItem> items = compare(List.of(alice),
				List.of(secret("alice", routerPassword, "basic", false, alice.managedComment())),
				List.of(profile("basic", "10M/20M")));

		assertThat(items).singleElement().satisfies((item) -> {
			assertThat(item.kind()).isEqualTo(DriftKind.DIFFERENT);
			assertThat(item.differences()).containsExactly(new DriftDifference("password", null, null));
		});
	}

	@Test
	void shouldComparePasswordsBeyondAscii() {
		Subscriber alice = active("alice", this.basic);
		Function<Subscriber, String> passwords = (subscriber) -> "pässword";

		List<DriftItem> same = DriftComparison.compare(List.of(alice), plans(),
				List.of(secret("alice", "pässword", "basic", false, alice.managedComment())),
				List.of(profile("basic", "10M/20M")), passwords);
		List<DriftItem> different = DriftComparison.compare(List.of(alice), plans(),
				List.of(secret("alice", "passwörd", "basic", false, alice.managedComment())),
				List.of(profile("basic", "10M/20M")), passwords);

		assertThat(same).isEmpty();
		assertThat(different).singleElement()
			.satisfies((item) -> assertThat(item.differences()).extracting(DriftDifference::field)
				.containsExactly("password"));
	}

	@Test
	void shouldReportEveryDifferingFieldOfOneSecretInOneItem() {
		Subscriber alice = active("alice", this.basic);

		List<DriftItem> items = compare(List.of(alice), List.of(secret("alice", "x", "premium", true, "mine")),
				List.of(profile("basic", "10M/20M")));

		assertThat(items).singleElement()
			.satisfies((item) -> assertThat(item.differences()).extracting(DriftDifference::field)
				.containsExactly("profile", "disabled", "password", "comment"));
	}

	@Test
	void shouldFindEveryKindOfDriftInOnePass() {
		Subscriber alice = active("alice", this.basic);
		Subscriber bob = active("bob", this.premium);
		Subscriber carol = active("carol", this.basic);

		List<DriftItem> items = compare(List.of(alice, bob, carol),
				List.of(inSync(alice, this.basic), secret("bob", "pw-bob", "basic", false, bob.managedComment()),
						secret("mallory", "x", "basic", false, null)),
				List.of(profile("basic", "10M/20M"), profile("premium", "1M/1M"), profile("unused", "1M/1M")));

		assertThat(items.stream().collect(Collectors.toMap(DriftItem::name, DriftItem::kind)))
			.containsExactlyInAnyOrderEntriesOf(Map.of("bob", DriftKind.DIFFERENT, "carol", DriftKind.MISSING,
					"mallory", DriftKind.UNMANAGED, "premium", DriftKind.DIFFERENT));
	}

}
