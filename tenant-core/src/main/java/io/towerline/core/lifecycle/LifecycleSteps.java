package io.towerline.core.lifecycle;

import io.towerline.core.subscriber.LifecycleState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.towerline.core.actor.Actor;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.lifecycle.LifecycleTerms.Notice;
import io.towerline.core.lifecycle.LifecycleTerms.Steps;
import io.towerline.core.subscriber.SubscriberStatus;
import io.towerline.core.subscriber.SubscriberChangeBatch;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.wording.Counted;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Takes one subscriber as far through the flow as {@code now} says, in the caller's
 * transaction, with the subscriber's lifecycle row locked by the caller: sends the latest
 * notice due (older ones it missed are not sent late), moves it onto the grace plan,
 * suspends it, or restores it; then tells when it next needs a look. Router changes go
 * into the caller's {@link SubscriberChangeBatch}, which enqueues them as durable
 * operations, one per router.
 */
@Component
class LifecycleSteps {

	/** How late a notice may still go out while a later notice is to come. */
	static final Duration STALE_AFTER = Duration.ofDays(1);

	private final ApplicationEventPublisher events;

	LifecycleSteps(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * @param transitions whether the policy allows notices, grace and suspension; a
	 * restore happens either way
	 * @param planNames plan names by id, for the events' text
	 * @return where the subscriber stands afterwards, for the caller to store
	 */
	Look advance(TrackedSubscriber subscriber, LifecycleTerms terms, Instant now, Actor actor, boolean transitions,
			Map<UUID, String> planNames, SubscriberChangeBatch changes) {
		LocalDate expiresOn = subscriber.expiresOn();
		if (expiresOn == null || subscriber.deleting()) {
			UUID regular = subscriber.regularPlanId();
			if (expiresOn == null && subscriber.state() != LifecycleState.ACTIVE) {
				regular = restore(subscriber, terms, now, actor, planNames, changes, "the expiry was removed");
			}
			return new Look(subscriber.id(), LifecycleState.ACTIVE, regular, null, Set.of(), null);
		}
		Steps steps = terms.steps(expiresOn, subscriber.postponedUntil());
		LifecycleState desired = steps.stateAt(now, terms.hasGrace());
		Set<Integer> sent = new HashSet<>(subscriber.sentForCurrentExpiry());
		UUID regular = subscriber.regularPlanId();
		LifecycleState state = subscriber.state();
		Facts facts = new Facts(subscriber, terms, steps, planNames);
		if (desired == LifecycleState.ACTIVE && state != LifecycleState.ACTIVE) {
			regular = restore(subscriber, terms, now, actor, planNames, changes,
					"the subscription runs until " + expiresOn);
			state = LifecycleState.ACTIVE;
		}
		else if (transitions && desired == LifecycleState.ACTIVE) {
			List<Notice> due = steps.notices()
				.stream()
				.filter((notice) -> !notice.at().isAfter(now) && !sent.contains(notice.days()))
				.toList();
			boolean noneAhead = steps.notices()
				.stream()
				.noneMatch((notice) -> notice.at().isAfter(now) && !sent.contains(notice.days()));
			due.stream()
				.min(Comparator.comparingInt(Notice::days))
				// a notice more than a day late is dropped while a later one is still to
				// come,
				// so nobody gets "7 days left" and "3 days left" on one morning
				.filter((latest) -> noneAhead || latest.at().plus(STALE_AFTER).isAfter(now))
				.ifPresent((latest) -> {
					long left = ChronoUnit.DAYS.between(now.atZone(terms.policy().timeZone()).toLocalDate(), expiresOn);
					publish(LifecycleEvents.NOTICE_DUE, subscriber.id(), actor, now, facts.with("days",
							String.valueOf(left), "daysLeft", Counted.of(left, "day"), "summary",
							"Notice: the subscription ends in " + Counted.of(left, "day") + ", on " + expiresOn));
				});
			due.forEach((notice) -> sent.add(notice.days()));
		}
		else if (transitions && desired == LifecycleState.GRACE && state == LifecycleState.ACTIVE) {
			UUID gracePlan = Objects.requireNonNull(terms.gracePlanId());
			if (!subscriber.planId().equals(gracePlan)) {
				regular = subscriber.planId();
				changes.changePlan(subscriber.id(), gracePlan, actor);
			}
			publish(LifecycleEvents.GRACE_STARTED, subscriber.id(), actor, now,
					facts.with("summary",
							"Grace period: on plan " + planNames.getOrDefault(gracePlan, gracePlan.toString())
									+ " until " + steps.graceEndsOn()));
			state = LifecycleState.GRACE;
		}
		else if (desired == LifecycleState.GRACE && state == LifecycleState.SUSPENDED) {
			// the suspension was postponed: back on the grace plan until the new day
			regular = resume(subscriber, terms, actor, regular, changes);
			publish(LifecycleEvents.RESTORED, subscriber.id(), actor, now,
					facts.with("summary", "Suspension postponed: on the grace plan until " + steps.graceEndsOn()));
			state = LifecycleState.GRACE;
		}
		else if (transitions && desired == LifecycleState.SUSPENDED && state != LifecycleState.SUSPENDED) {
			regular = suspend(subscriber, terms, actor, regular, changes);
			publish(LifecycleEvents.SUSPENDED, subscriber.id(), actor, now,
					facts.with("summary", "Suspended: the subscription ended on " + expiresOn
							+ (terms.hasGrace() ? " and the grace period on " + steps.graceEndsOn() : "")));
			state = LifecycleState.SUSPENDED;
		}
		Instant next = transitions ? nextDue(steps, terms, state, sent, now) : null;
		return new Look(subscriber.id(), state, regular, expiresOn, sent, next);
	}

	private @Nullable UUID suspend(TrackedSubscriber subscriber, LifecycleTerms terms, Actor actor,
			@Nullable UUID regular, SubscriberChangeBatch changes) {
		if (terms.policy().suspensionMode() == SuspensionMode.SUSPENDED_PLAN) {
			UUID suspendedPlan = Objects.requireNonNull(terms.policy().suspendedPlanId());
			if (!subscriber.planId().equals(suspendedPlan)) {
				changes.changePlan(subscriber.id(), suspendedPlan, actor);
				return (regular != null) ? regular : subscriber.planId();
			}
			return regular;
		}
		// a subscriber staff disabled stays as staff left it
		if (subscriber.status().mayConnect()) {
			changes.suspend(subscriber.id(), actor);
		}
		return regular;
	}

	private @Nullable UUID resume(TrackedSubscriber subscriber, LifecycleTerms terms, Actor actor,
			@Nullable UUID regular, SubscriberChangeBatch changes) {
		UUID gracePlan = Objects.requireNonNull(terms.gracePlanId());
		UUID back = regular;
		if (!subscriber.planId().equals(gracePlan)) {
			// from the suspended plan (the regular plan is known), or from its own plan
			// when
			// it went straight to suspension
			back = (back != null) ? back : subscriber.planId();
			changes.changePlan(subscriber.id(), gracePlan, actor);
		}
		if (subscriber.status() == SubscriberStatus.SUSPENDED) {
			changes.enable(subscriber.id(), actor);
		}
		return back;
	}

	private @Nullable UUID restore(TrackedSubscriber subscriber, LifecycleTerms terms, Instant now, Actor actor,
			Map<UUID, String> planNames, SubscriberChangeBatch changes, String why) {
		UUID regular = subscriber.regularPlanId();
		// staff may have chosen another plan meanwhile; only the flow's own plans go back
		boolean onFlowPlan = subscriber.planId().equals(terms.gracePlanId())
				|| subscriber.planId().equals(terms.policy().suspendedPlanId());
		if (regular != null && onFlowPlan && !regular.equals(subscriber.planId())) {
			changes.changePlan(subscriber.id(), regular, actor);
		}
		if (subscriber.status() == SubscriberStatus.SUSPENDED) {
			changes.enable(subscriber.id(), actor);
		}
		Map<String, String> data = new HashMap<>();
		data.put("name", Objects.requireNonNullElse(subscriber.fullName(), subscriber.username()));
		data.put("username", subscriber.username());
		data.put("plan", planNames.getOrDefault((regular != null) ? regular : subscriber.planId(), ""));
		if (subscriber.expiresOn() != null) {
			data.put("expiresOn", subscriber.expiresOn().toString());
		}
		data.put("summary", "Restored: " + why);
		publish(LifecycleEvents.RESTORED, subscriber.id(), actor, now, data);
		return null;
	}

	private static @Nullable Instant nextDue(Steps steps, LifecycleTerms terms, LifecycleState state, Set<Integer> sent,
			Instant now) {
		if (state == LifecycleState.SUSPENDED) {
			return null;
		}
		Stream<Instant> notices = (state == LifecycleState.ACTIVE)
				? steps.notices().stream().filter((notice) -> !sent.contains(notice.days())).map(Notice::at)
				: Stream.empty();
		Stream<Instant> transitions = Stream
			.of((state == LifecycleState.ACTIVE && terms.hasGrace()) ? steps.graceStart() : null, steps.suspendAt())
			.filter(Objects::nonNull);
		return Stream.concat(notices, transitions)
			.filter((at) -> at.isAfter(now))
			.min(Comparator.naturalOrder())
			.orElse(null);
	}

	private void publish(String type, UUID subscriberId, Actor actor, Instant now, Map<String, String> data) {
		this.events
			.publishEvent(TenantEvent.of(TenantContext.require(), type, subscriberId.toString(), actor, now, data));
	}

	/**
	 * A subscriber's place in the flow after a look.
	 *
	 * @param subscriberId the subscriber
	 * @param state its state
	 * @param regularPlanId the plan to return to
	 * @param noticesExpiry the expiry the sent notices are for
	 * @param noticesSent the notices sent for it
	 * @param nextDueAt when it next needs a look, or null
	 */
	record Look(UUID subscriberId, LifecycleState state, @Nullable UUID regularPlanId,
			@Nullable LocalDate noticesExpiry, Set<Integer> noticesSent, @Nullable Instant nextDueAt) {

	}

	/** The facts every lifecycle event of a subscriber carries, for templates. */
	private record Facts(TrackedSubscriber subscriber, LifecycleTerms terms, Steps steps, Map<UUID, String> planNames) {

		Map<String, String> with(String... more) {
			Map<String, String> data = new HashMap<>();
			data.put("name", Objects.requireNonNullElse(this.subscriber.fullName(), this.subscriber.username()));
			data.put("username", this.subscriber.username());
			data.put("plan", this.planNames.getOrDefault(this.subscriber.planId(), ""));
			data.put("expiresOn", String.valueOf(this.subscriber.expiresOn()));
			ZoneId zone = this.terms.policy().timeZone();
			if (this.terms.hasGrace()) {
				data.put("graceEndsOn", this.steps.graceEndsOn().toString());
			}
			data.put("suspendOn", this.steps.suspendAt().atZone(zone).toLocalDate().toString());
			for (int i = 0; i + 1 < more.length; i += 2) {
				data.put(more[i], more[i + 1]);
			}
			return data;
		}

	}

}
