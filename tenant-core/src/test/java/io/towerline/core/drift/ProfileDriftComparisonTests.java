package io.towerline.core.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberStatus;
import io.towerline.core.subscriber.TestSubscribers;
import io.towerline.mikrotik.ppp.PppSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The drift comparison of one router's profiles: only the profiles of plans the router's
 * subscribers use are expected, each compared once, rates compared by what they mean
 * rather than how they are written.
 */
class ProfileDriftComparisonTests extends ComparisonTest {

	@Test
	void shouldReportAMissingProfileOfAPlanInUse() {
		Subscriber alice = active("alice", this.basic);

		List<DriftItem> items = compare(List.of(alice), List.of(inSync(alice, this.basic)), List.of());

		assertThat(items).singleElement().satisfies((item) -> {
			assertThat(item.object()).isEqualTo(DriftObject.PROFILE);
			assertThat(item.kind()).isEqualTo(DriftKind.MISSING);
			assertThat(item.name()).isEqualTo("basic");
			assertThat(item.planId()).isEqualTo(this.basic.id());
			assertThat(item.subscriberId()).isNull();
			assertThat(item.differences()).containsExactly(new DriftDifference("rateLimit", "10M/20M", null));
		});
	}

	@Test
	void shouldExpectOnlyTheProfilesOfPlansTheRoutersSubscribersUse() {
		Subscriber alice = active("alice", this.basic);
		Subscriber leaving = TestSubscribers.deleting("leaving", this.premium.id());

		List<DriftItem> items = compare(List.of(alice, leaving), List.of(inSync(alice, this.basic)),
				List.of(profile("basic", "10M/20M")));

		assertThat(items).isEmpty();
	}

	@Test
	void shouldReportAProfileWithAnotherRateWithTheRoutersText() {
		Subscriber alice = active("alice", this.basic);

		List<DriftItem> items = compare(List.of(alice), List.of(inSync(alice, this.basic)),
				List.of(profile("basic", "10M/25M")));

		assertThat(items).singleElement().satisfies((item) -> {
			assertThat(item.object()).isEqualTo(DriftObject.PROFILE);
			assertThat(item.kind()).isEqualTo(DriftKind.DIFFERENT);
			assertThat(item.name()).isEqualTo("basic");
			assertThat(item.planId()).isEqualTo(this.basic.id());
			assertThat(item.differences()).containsExactly(new DriftDifference("rateLimit", "10M/20M", "10M/25M"));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "fast", "10M/20M 12M/24M" })
	void shouldReportAProfileWhoseRateIsUnsetOrUnreadable(String routerRate) {
		Subscriber alice = active("alice", this.basic);

		List<DriftItem> items = compare(List.of(alice), List.of(inSync(alice, this.basic)),
				List.of(profile("basic", routerRate)));

		assertThat(items).singleElement()
			.satisfies((item) -> assertThat(item.differences())
				.containsExactly(new DriftDifference("rateLimit", "10M/20M", routerRate)));
	}

	@Test
	void shouldReportAProfileWithoutARateAsAnEmptyRouterValue() {
		Subscriber alice = active("alice", this.basic);

		List<DriftItem> items = compare(List.of(alice), List.of(inSync(alice, this.basic)),
				List.of(profile("basic", null)));

		assertThat(items).singleElement()
			.satisfies((item) -> assertThat(item.differences())
				.containsExactly(new DriftDifference("rateLimit", "10M/20M", "")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "10000k/20000k", "10000000/20000000", " 10M/20M " })
	void shouldTreatTheSameRateWrittenDifferentlyAsInSync(String routerRate) {
		Subscriber alice = active("alice", this.basic);

		List<DriftItem> items = compare(List.of(alice), List.of(inSync(alice, this.basic)),
				List.of(profile("basic", routerRate)));

		assertThat(items).isEmpty();
	}

	@Test
	void shouldCompareEachPlanInUseOnceWhateverItsSubscriberCount() {
		List<Subscriber> subscribers = new ArrayList<>();
		List<PppSecret> secrets = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Subscriber subscriber = active("user" + i, (i % 2 == 0) ? this.basic : this.premium);
			subscribers.add(subscriber);
			secrets.add(inSync(subscriber, (i % 2 == 0) ? this.basic : this.premium));
		}

		List<DriftItem> items = compare(subscribers, secrets, List.of());

		assertThat(items).extracting(DriftItem::object, DriftItem::kind, DriftItem::name)
			.containsExactlyInAnyOrder(tuple(DriftObject.PROFILE, DriftKind.MISSING, "basic"),
					tuple(DriftObject.PROFILE, DriftKind.MISSING, "premium"));
	}

	@Test
	void shouldNotExpectAProfileOrCompareTheProfileNameWhenThePlanIsUnknown() {
		Subscriber orphan = TestSubscribers.created("orphan", UUID.randomUUID(), SubscriberStatus.ACTIVE);

		List<DriftItem> inSync = compare(List.of(orphan),
				List.of(secret("orphan", "pw-orphan", "anything", false, orphan.managedComment())), List.of());
		List<DriftItem> missing = compare(List.of(orphan), List.of(), List.of());

		assertThat(inSync).isEmpty();
		assertThat(missing).singleElement()
			.satisfies((item) -> assertThat(item.differences()).extracting(DriftDifference::field)
				.containsExactly("disabled", "comment"));
	}

}
