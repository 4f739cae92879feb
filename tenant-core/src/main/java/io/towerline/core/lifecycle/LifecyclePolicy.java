package io.towerline.core.lifecycle;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's lifecycle policy. Every step (notice, grace, suspension) happens at
 * {@code actionHour} o'clock in {@code timeZone}, never on a skipped date: a notice that
 * would fall on one goes out the allowed day before, a grace start or suspension the
 * allowed day after.
 *
 * @param enabled whether the flow makes transitions at all; off stops new ones at once
 * @param noticeDays days before the expiry a notice goes out, largest first
 * @param graceDays days after the expiry served on the grace plan; 0 suspends at once
 * @param gracePlanId the grace plan (a plan's own grace plan wins); none means no grace
 * @param suspensionMode what suspension does on the router
 * @param suspendedPlanId the plan of {@link SuspensionMode#SUSPENDED_PLAN}
 * @param actionHour hour of day (0-23) the steps happen, local
 * @param timeZone the tenant's time zone
 * @param skipWeekdays weekdays without steps (e.g. weekends)
 * @param skipDates dates without steps (holidays)
 */
public record LifecyclePolicy(boolean enabled, List<Integer> noticeDays, int graceDays, @Nullable UUID gracePlanId,
		SuspensionMode suspensionMode, @Nullable UUID suspendedPlanId, int actionHour, ZoneId timeZone,
		Set<DayOfWeek> skipWeekdays, Set<LocalDate> skipDates) {

	/**
	 * The policy of a tenant that never set one: off, in UTC by its IANA name (the form
	 * shows and accepts it).
	 */
	public static final LifecyclePolicy OFF = new LifecyclePolicy(false, List.of(7, 3, 1), 3, null,
			SuspensionMode.DISABLE_SECRET, null, 10, ZoneId.of("UTC"), Set.of(), Set.of());

	/** Most notices a policy may have. */
	static final int MAX_NOTICES = 10;

	/** Longest lead of a notice and longest grace, in days. */
	static final int MAX_DAYS = 90;

	public LifecyclePolicy {
		noticeDays = noticeDays.stream().distinct().sorted(Comparator.reverseOrder()).toList();
		skipWeekdays = Set.copyOf(skipWeekdays);
		skipDates = Set.copyOf(skipDates);
	}

	/** The same policy without a grace plan (no grace period). */
	LifecyclePolicy withoutGracePlan() {
		return new LifecyclePolicy(this.enabled, this.noticeDays, this.graceDays, null, this.suspensionMode,
				this.suspendedPlanId, this.actionHour, this.timeZone, this.skipWeekdays, this.skipDates);
	}

	/**
	 * @throws InvalidInputException listing every value out of range
	 */
	LifecyclePolicy validated() {
		List<FieldError> errors = new ArrayList<>();
		checkNoticeDays(this.noticeDays, "noticeDays", errors);
		checkGraceDays(this.graceDays, "graceDays", errors);
		if (this.actionHour < 0 || this.actionHour > 23) {
			errors.add(FieldError.invalid("actionHour", "The hour is 0 to 23"));
		}
		if (this.suspensionMode == SuspensionMode.SUSPENDED_PLAN && this.suspendedPlanId == null) {
			errors.add(FieldError.invalid("suspendedPlanId", "Suspending to a plan needs the suspended plan"));
		}
		if (this.gracePlanId != null && this.gracePlanId.equals(this.suspendedPlanId)) {
			errors.add(FieldError.invalid("suspendedPlanId", "The suspended plan must differ from the grace plan"));
		}
		if (this.skipWeekdays.size() == DayOfWeek.values().length) {
			errors.add(FieldError.invalid("skipWeekdays", "At least one weekday must be left for the steps"));
		}
		if (this.skipDates.size() > 366) {
			errors.add(FieldError.invalid("skipDates", "At most 366 dates can be skipped"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return this;
	}

	static void checkNoticeDays(List<Integer> days, String field, List<FieldError> errors) {
		if (days.size() > MAX_NOTICES) {
			errors.add(FieldError.invalid(field, "At most " + MAX_NOTICES + " notices"));
		}
		if (days.stream().anyMatch((day) -> day < 1 || day > MAX_DAYS)) {
			errors.add(FieldError.invalid(field, "A notice goes out 1 to " + MAX_DAYS + " days before the expiry"));
		}
	}

	static void checkGraceDays(int days, String field, List<FieldError> errors) {
		if (days < 0 || days > MAX_DAYS) {
			errors.add(FieldError.invalid(field, "Grace is 0 to " + MAX_DAYS + " days"));
		}
	}

}
