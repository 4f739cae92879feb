package io.towerline.core.lifecycle;

import io.towerline.core.subscriber.LifecycleState;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.error.InvalidInputException;
import io.towerline.core.lifecycle.LifecycleTerms.Notice;
import io.towerline.core.lifecycle.LifecycleTerms.Steps;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The moments of the steps: local hour and zone, skipped days, postponement, grace. */
class LifecycleTermsTests {

	private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");

	private static final UUID GRACE = UUID.randomUUID();

	private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

	@Test
	void shouldPlaceEveryStepAtTheLocalHourOfItsDay() {
		LifecycleTerms terms = terms(policy(Set.of(), Set.of()), 2);
		Steps steps = terms.steps(FRIDAY, null);
		assertThat(steps.notices()).extracting(Notice::days).containsExactly(7, 3, 1);
		assertThat(steps.notices()).extracting(Notice::at)
			.containsExactly(local(FRIDAY.minusDays(7)), local(FRIDAY.minusDays(3)), local(FRIDAY.minusDays(1)));
		assertThat(steps.graceStart()).isEqualTo(local(FRIDAY.plusDays(1)));
		assertThat(steps.suspendAt()).isEqualTo(local(FRIDAY.plusDays(3)));
		assertThat(steps.graceEndsOn()).isEqualTo(FRIDAY.plusDays(2));
		assertThat(steps.stateAt(local(FRIDAY.plusDays(1)).minusSeconds(1), true)).isEqualTo(LifecycleState.ACTIVE);
		assertThat(steps.stateAt(local(FRIDAY.plusDays(1)), true)).isEqualTo(LifecycleState.GRACE);
		assertThat(steps.stateAt(local(FRIDAY.plusDays(3)), true)).isEqualTo(LifecycleState.SUSPENDED);
	}

	@Test
	void shouldMoveNoticesBeforeAndCutOffsAfterSkippedDays() {
		// weekends and Monday the 7th are skipped: Saturday's grace start moves to
		// Tuesday,
		// Thursday's (1 day) notice stays, a notice due on Sunday goes out on Friday
		LifecycleTerms terms = terms(policy(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(FRIDAY.plusDays(3))),
				1);
		Steps steps = terms.steps(FRIDAY, null);
		assertThat(steps.graceStart()).isEqualTo(local(FRIDAY.plusDays(4)));
		assertThat(steps.suspendAt()).isEqualTo(local(FRIDAY.plusDays(4)));
		Steps mondayExpiry = terms.steps(FRIDAY.plusDays(3), null);
		assertThat(mondayExpiry.notices().get(2).at()).isEqualTo(local(FRIDAY));
		assertThat(mondayExpiry.notices().get(1).at()).isEqualTo(local(FRIDAY));
	}

	@Test
	void shouldSuspendOnlyAfterAPostponementAndNeverWithoutGracePlan() {
		LifecycleTerms terms = terms(policy(Set.of(), Set.of()), 2);
		Steps postponed = terms.steps(FRIDAY, FRIDAY.plusDays(10));
		assertThat(postponed.suspendAt()).isEqualTo(local(FRIDAY.plusDays(11)));
		assertThat(postponed.stateAt(local(FRIDAY.plusDays(5)), true)).isEqualTo(LifecycleState.GRACE);
		// a postponement that ends before the regular suspension changes nothing
		assertThat(terms.steps(FRIDAY, FRIDAY).suspendAt()).isEqualTo(local(FRIDAY.plusDays(3)));

		LifecycleTerms noGracePlan = LifecycleTerms.of(policy(Set.of(), Set.of()).withoutGracePlan(), null, null);
		assertThat(noGracePlan.hasGrace()).isFalse();
		Steps steps = noGracePlan.steps(FRIDAY, null);
		assertThat(steps.suspendAt()).isEqualTo(local(FRIDAY.plusDays(1)));
		assertThat(steps.stateAt(local(FRIDAY.plusDays(1)).minusSeconds(1), false)).isEqualTo(LifecycleState.ACTIVE);
	}

	@Test
	void shouldLetAPlanOverrideNoticesAndGraceAndUseItsOwnGracePlan() {
		UUID ownGrace = UUID.randomUUID();
		LifecycleTerms terms = LifecycleTerms.of(policy(Set.of(), Set.of()),
				new PlanLifecycleOverride(UUID.randomUUID(), List.of(2, 14), 0), ownGrace);
		assertThat(terms.noticeDays()).containsExactly(14, 2);
		assertThat(terms.graceDays()).isZero();
		assertThat(terms.gracePlanId()).isEqualTo(ownGrace);
		assertThat(terms.hasGrace()).isFalse();
	}

	@Test
	void shouldRefusePoliciesOutOfRange() {
		LifecyclePolicy wrong = new LifecyclePolicy(true, List.of(0, 91), -1, null, SuspensionMode.SUSPENDED_PLAN, null,
				24, KATHMANDU, Set.of(DayOfWeek.values()), Set.of());
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(wrong::validated)
			.satisfies((ex) -> assertThat(ex.errors()).extracting((error) -> error.field())
				.containsExactlyInAnyOrder("noticeDays", "graceDays", "actionHour", "suspendedPlanId", "skipWeekdays"));
	}

	private static LifecycleTerms terms(LifecyclePolicy policy, int graceDays) {
		return LifecycleTerms.of(policy, new PlanLifecycleOverride(UUID.randomUUID(), null, graceDays), null);
	}

	private static LifecyclePolicy policy(Set<DayOfWeek> weekdays, Set<LocalDate> dates) {
		return new LifecyclePolicy(true, List.of(1, 7, 3), 2, GRACE, SuspensionMode.DISABLE_SECRET, null, 8, KATHMANDU,
				weekdays, dates);
	}

	private static Instant local(LocalDate day) {
		return ZonedDateTime.of(day.atTime(8, 0), KATHMANDU).toInstant();
	}

}
