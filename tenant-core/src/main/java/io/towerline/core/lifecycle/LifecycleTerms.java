package io.towerline.core.lifecycle;

import io.towerline.core.subscriber.LifecycleState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The policy as it applies to one subscriber's plan, and the moments of its steps for an
 * expiry. Pure: the same inputs always give the same moments.
 *
 * @param policy the tenant's policy
 * @param noticeDays the notice days in force (the plan's or the tenant's)
 * @param graceDays the grace days in force
 * @param gracePlanId the grace plan in force (the plan's own or the tenant's), if any
 */
record LifecycleTerms(LifecyclePolicy policy, List<Integer> noticeDays, int graceDays, @Nullable UUID gracePlanId) {

	static LifecycleTerms of(LifecyclePolicy policy, @Nullable PlanLifecycleOverride override,
			@Nullable UUID plansOwnGracePlan) {
		List<Integer> notices = (override != null && override.noticeDays() != null) ? override.noticeDays()
				: policy.noticeDays();
		int grace = (override != null && override.graceDays() != null) ? override.graceDays() : policy.graceDays();
		return new LifecycleTerms(policy, notices, grace,
				(plansOwnGracePlan != null) ? plansOwnGracePlan : policy.gracePlanId());
	}

	/** Whether expiry leads to a grace period at all (grace days and a grace plan). */
	boolean hasGrace() {
		return this.graceDays > 0 && this.gracePlanId != null;
	}

	/**
	 * The moments of the steps for a subscription paid up to and including
	 * {@code expiresOn}.
	 */
	Steps steps(LocalDate expiresOn, @Nullable LocalDate postponedUntil) {
		List<Notice> notices = new ArrayList<>();
		for (int days : this.noticeDays) {
			notices.add(new Notice(days, at(allowedOnOrBefore(expiresOn.minusDays(days)))));
		}
		LocalDate graceDate = allowedOnOrAfter(expiresOn.plusDays(1));
		LocalDate suspendDate = hasGrace() ? allowedOnOrAfter(expiresOn.plusDays(1 + this.graceDays)) : graceDate;
		if (postponedUntil != null && !postponedUntil.isBefore(suspendDate)) {
			suspendDate = allowedOnOrAfter(postponedUntil.plusDays(1));
		}
		return new Steps(notices, at(graceDate), at(suspendDate), suspendDate.minusDays(1));
	}

	/** The start of the subscription's first unpaid day, local midnight. */
	Instant expiryInstant(LocalDate expiresOn) {
		return expiresOn.plusDays(1).atStartOfDay(this.policy.timeZone()).toInstant();
	}

	private Instant at(LocalDate date) {
		return date.atTime(this.policy.actionHour(), 0).atZone(this.policy.timeZone()).toInstant();
	}

	private boolean skipped(LocalDate date) {
		return this.policy.skipWeekdays().contains(date.getDayOfWeek()) || this.policy.skipDates().contains(date);
	}

	private LocalDate allowedOnOrBefore(LocalDate date) {
		LocalDate day = date;
		// bounded: a policy leaves at least one weekday and at most 366 dates
		for (int i = 0; i < 400 && skipped(day); i++) {
			day = day.minusDays(1);
		}
		return day;
	}

	private LocalDate allowedOnOrAfter(LocalDate date) {
		LocalDate day = date;
		for (int i = 0; i < 400 && skipped(day); i++) {
			day = day.plusDays(1);
		}
		return day;
	}

	/**
	 * One notice.
	 *
	 * @param days how many days before the expiry it is meant for
	 * @param at when it goes out
	 */
	record Notice(int days, Instant at) {

	}

	/**
	 * @param notices the notices, largest lead first
	 * @param graceStart when the grace period (or, without grace, the suspension) begins
	 * @param suspendAt when the subscriber is suspended
	 * @param graceEndsOn the last local day of grace service
	 */
	record Steps(List<Notice> notices, Instant graceStart, Instant suspendAt, LocalDate graceEndsOn) {

		LifecycleState stateAt(Instant now, boolean hasGrace) {
			if (!now.isBefore(this.suspendAt)) {
				return LifecycleState.SUSPENDED;
			}
			if (hasGrace && !now.isBefore(this.graceStart)) {
				return LifecycleState.GRACE;
			}
			return LifecycleState.ACTIVE;
		}

	}

}
