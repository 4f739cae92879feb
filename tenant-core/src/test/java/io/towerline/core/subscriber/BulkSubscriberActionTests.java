package io.towerline.core.subscriber;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.lifecycle.SubscriberTimeline;
import io.towerline.core.lifecycle.TimelineEntry;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
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
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * One action on many subscribers, by id or filter: one operation per router, the routers
 * end up as asked, subscribers already so are left alone, and another tenant's ids are
 * unknown.
 */
@SpringBootTest
class BulkSubscriberActionTests extends DatabaseTest {

	@Autowired
	BulkSubscribers bulk;

	@Autowired
	Subscribers subscribers;

	@Autowired
	SubscriberTimeline timeline;

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

	final List<RouterOsSimulator> simulators = new ArrayList<>();

	TenantId tenant;

	UUID north;

	UUID south;

	UUID basic;

	UUID premium;

	List<UUID> northSubscribers = new ArrayList<>();

	List<UUID> southSubscribers = new ArrayList<>();

	@BeforeEach
	void network() {
		this.tenant = TenantId.of(TestDatabase.uniqueSlug("bulkact"));
		this.onboarding.onboard(this.tenant.slug(), "Bulk actions", RateLimitTier.STARTER);
		this.north = router("north");
		this.south = router("south");
		this.basic = inTenant(
				() -> this.plans.create(PlanDetails.of("Basic", "basic", RateLimit.parse("2M/10M"), null)).id());
		this.premium = inTenant(
				() -> this.plans.create(PlanDetails.of("Premium", "premium", RateLimit.parse("10M/50M"), null)).id());
		List<RouterOperation> created = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Changed changed = create("n" + i, this.north);
			this.northSubscribers.add(changed.subscriber().id());
			created.add(changed.operation());
		}
		for (int i = 0; i < 2; i++) {
			Changed changed = create("s" + i, this.south);
			this.southSubscribers.add(changed.subscriber().id());
			created.add(changed.operation());
		}
		created.forEach(this::awaitSucceeded);
	}

	@AfterEach
	void stop() {
		this.simulators.forEach(RouterOsSimulator::close);
	}

	@Test
	void shouldSuspendEveryoneOnAPlanWithOneOperationPerRouter() {
		BulkOutcome outcome = inTenant(() -> this.bulk.apply(BulkAction.SUSPEND,
				SubscriberSelection.matching(null, null, this.basic, null), null, Actor.of("user:staff")));

		assertThat(outcome.created()).hasSize(5);
		assertThat(outcome.operations()).hasSize(2);
		outcome.operations().forEach(this::awaitSucceeded);
		for (int i = 0; i < 3; i++) {
			assertThat(this.simulators.get(0).secret("n" + i).orElseThrow()).containsEntry("disabled", "true");
		}
		assertThat(this.simulators.get(1).secret("s1").orElseThrow()).containsEntry("disabled", "true");
		assertThat(inTenant(() -> this.timeline.of(this.northSubscribers.get(0), 10)))
			.as("the subscriber's timeline shows the bulk suspension, by whom")
			.anySatisfy((entry) -> {
				assertThat(entry.kind()).isEqualTo(SubscriberEvents.SUSPENDED);
				assertThat(entry.actor()).isEqualTo("user:staff");
			});

		BulkOutcome again = inTenant(() -> this.bulk.apply(BulkAction.SUSPEND,
				SubscriberSelection.matching(this.north, null, null, null), null, Actor.of("user:staff")));
		assertThat(again.created()).isEmpty();
		assertThat(again.operations()).isEmpty();
	}

	@Test
	void shouldEnableTheChosenIdsAndReportUnknownOnes() {
		inTenant(() -> this.bulk.apply(BulkAction.DISABLE, SubscriberSelection.of(this.southSubscribers), null,
				Actor.of("user:staff")))
			.operations()
			.forEach(this::awaitSucceeded);
		UUID unknown = UUID.randomUUID();
		BulkOutcome outcome = inTenant(() -> this.bulk.apply(BulkAction.ENABLE,
				SubscriberSelection.of(List.of(this.southSubscribers.get(0), unknown, this.northSubscribers.get(0))),
				null, Actor.of("user:staff")));

		assertThat(outcome.created()).extracting(Subscriber::id).containsExactly(this.southSubscribers.get(0));
		assertThat(outcome.rejected()).singleElement().satisfies((row) -> {
			assertThat(row.row()).isEqualTo(1);
			assertThat(row.key()).isEqualTo(unknown.toString());
		});
		outcome.operations().forEach(this::awaitSucceeded);
		assertThat(this.simulators.get(1).secret("s0").orElseThrow()).containsEntry("disabled", "false");
		assertThat(this.simulators.get(1).secret("s1").orElseThrow()).containsEntry("disabled", "true");
	}

	/**
	 * Bringing a subscriber back is named on its timeline after what it left, one by one
	 * and in bulk: a suspension is restored (the web app's Restore), a disabled
	 * subscriber enabled.
	 */
	@Test
	void shouldNameBringingASubscriberBackAfterWhatItLeft() {
		Actor staff = Actor.of("user:staff");
		UUID suspended = this.northSubscribers.get(0);
		UUID disabled = this.northSubscribers.get(1);
		UUID suspendedInBulk = this.southSubscribers.get(0);
		UUID disabledInBulk = this.southSubscribers.get(1);
		inTenant(() -> {
			this.subscribers.suspend(suspended, staff);
			this.subscribers.disable(disabled, staff);
			this.subscribers.suspend(suspendedInBulk, staff);
			return this.subscribers.disable(disabledInBulk, staff);
		});
		inTenant(() -> {
			this.subscribers.enable(suspended, staff);
			return this.subscribers.enable(disabled, staff);
		});
		inTenant(() -> this.bulk.apply(BulkAction.ENABLE,
				SubscriberSelection.of(List.of(suspendedInBulk, disabledInBulk)), null, staff));

		assertThat(List.of(suspended, disabled, suspendedInBulk, disabledInBulk))
			.map((id) -> inTenant(() -> this.timeline.of(id, 1)).get(0))
			.extracting(TimelineEntry::kind, TimelineEntry::summary)
			.containsExactly(tuple(SubscriberEvents.RESTORED, "Restored"), tuple(SubscriberEvents.RESTORED, "Enabled"),
					tuple(SubscriberEvents.RESTORED, "Restored (bulk)"),
					tuple(SubscriberEvents.RESTORED, "Enabled (bulk)"));
	}

	@Test
	void shouldMoveTheSubscribersOfARouterToAnotherPlan() {
		BulkOutcome outcome = inTenant(() -> this.bulk.apply(BulkAction.CHANGE_PLAN,
				SubscriberSelection.matching(this.north, null, null, SubscriberStatus.ACTIVE), this.premium,
				Actor.of("user:staff")));

		assertThat(outcome.created()).hasSize(3);
		outcome.operations().forEach(this::awaitSucceeded);
		assertThat(this.simulators.get(0).secret("n2").orElseThrow()).containsEntry("profile", "premium");
		assertThat(this.simulators.get(1).secret("s0").orElseThrow()).containsEntry("profile", "basic");
	}

	@Test
	void shouldRefuseAPlanWhereNoneBelongsAndNoneWhereOneIsNeeded() {
		InvalidInputException withPlan = catchThrowableOfType(InvalidInputException.class,
				() -> inTenant(() -> this.bulk.apply(BulkAction.SUSPEND, SubscriberSelection.of(this.northSubscribers),
						this.premium, Actor.of("user:staff"))));
		InvalidInputException withoutPlan = catchThrowableOfType(InvalidInputException.class,
				() -> inTenant(() -> this.bulk.apply(BulkAction.CHANGE_PLAN,
						SubscriberSelection.of(this.northSubscribers), null, Actor.of("user:staff"))));
		InvalidInputException unknownPlan = catchThrowableOfType(InvalidInputException.class,
				() -> inTenant(() -> this.bulk.apply(BulkAction.CHANGE_PLAN,
						SubscriberSelection.of(this.northSubscribers), UUID.randomUUID(), Actor.of("user:staff"))));
		assertThat(List.of(withPlan, withoutPlan, unknownPlan))
			.allSatisfy((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("planId"));
		assertThat(inTenant(() -> this.subscribers.get(this.northSubscribers.get(0)).status()))
			.isEqualTo(SubscriberStatus.ACTIVE);
	}

	@Test
	void shouldNotReachAnotherTenantsSubscribers() {
		TenantId other = TenantId.of(TestDatabase.uniqueSlug("bulkoth"));
		this.onboarding.onboard(other.slug(), "Other", RateLimitTier.STARTER);
		BulkOutcome outcome = TenantContext.callAs(other,
				() -> this.transactions.execute((tx) -> this.bulk.apply(BulkAction.SUSPEND,
						SubscriberSelection.of(this.northSubscribers), null, Actor.of("user:intruder"))));
		BulkOutcome filtered = TenantContext.callAs(other,
				() -> this.transactions.execute((tx) -> this.bulk.apply(BulkAction.SUSPEND,
						SubscriberSelection.matching(null, null, null, null), null, Actor.of("user:intruder"))));

		assertThat(outcome.created()).isEmpty();
		assertThat(outcome.rejected()).hasSize(3);
		assertThat(filtered.created()).isEmpty();
		assertThat(inTenant(() -> this.subscribers.get(this.northSubscribers.get(0)).status()))
			.isEqualTo(SubscriberStatus.ACTIVE);
	}

	private UUID router(String name) {
		RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.start();
		this.simulators.add(simulator);
		return inTenant(() -> this.routers
			.create(RouterDetails.of(name, "127.0.0.1", simulator.port(), false, null, null, "api"), "router-pass")
			.id());
	}

	private Changed create(String username, UUID routerId) {
		return inTenant(() -> this.subscribers.create(
				new SubscriberDraft(username, "secret-1", this.basic, routerId, null,
						SubscriberProfile.of("Person " + username, null, null, null, null, null)),
				Actor.of("user:test")));
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
