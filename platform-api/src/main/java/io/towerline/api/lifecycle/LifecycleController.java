package io.towerline.api.lifecycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.api.lifecycle.LifecycleInputs.ExtendSubscriptionInput;
import io.towerline.api.lifecycle.LifecycleInputs.LifecyclePolicyPayload;
import io.towerline.api.lifecycle.LifecycleInputs.PlanLifecycleOverridePayload;
import io.towerline.api.lifecycle.LifecycleInputs.PostponeSuspensionInput;
import io.towerline.api.lifecycle.LifecycleInputs.RecordPaymentInput;
import io.towerline.api.lifecycle.LifecycleInputs.SetLifecyclePolicyInput;
import io.towerline.api.lifecycle.LifecycleInputs.SetPlanLifecycleOverrideInput;
import io.towerline.api.lifecycle.LifecycleInputs.SubscriptionChangePayload;
import io.towerline.api.lifecycle.LifecycleInputs.TimelinePage;
import io.towerline.api.security.Actors;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.lifecycle.LifecycleEvaluation;
import io.towerline.core.lifecycle.LifecyclePolicies;
import io.towerline.core.lifecycle.LifecyclePolicy;
import io.towerline.core.subscriber.LifecycleState;
import io.towerline.core.lifecycle.PlanLifecycleOverride;
import io.towerline.core.lifecycle.SubscriberTimeline;
import io.towerline.core.lifecycle.SubscriptionChange;
import io.towerline.core.lifecycle.Subscriptions;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.Plans;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.Subscribers;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Maps the lifecycle operations; the domain services decide. */
@Controller
class LifecycleController {

	private final LifecyclePolicies policies;

	private final Subscriptions subscriptions;

	private final LifecycleEvaluation evaluation;

	private final SubscriberTimeline timeline;

	private final Subscribers subscribers;

	private final Plans plans;

	LifecycleController(LifecyclePolicies policies, Subscriptions subscriptions, LifecycleEvaluation evaluation,
			SubscriberTimeline timeline, Subscribers subscribers, Plans plans) {
		this.policies = policies;
		this.subscriptions = subscriptions;
		this.evaluation = evaluation;
		this.timeline = timeline;
		this.subscribers = subscribers;
		this.plans = plans;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	LifecyclePolicy lifecyclePolicy() {
		return this.policies.current();
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	LifecyclePolicyPayload setLifecyclePolicy(@Argument SetLifecyclePolicyInput input) {
		try {
			return new LifecyclePolicyPayload(this.policies.set(input.policy(), Actors.current()), List.of());
		}
		catch (InvalidInputException ex) {
			return new LifecyclePolicyPayload(null, ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	PlanLifecycleOverridePayload setPlanLifecycleOverride(@Argument SetPlanLifecycleOverrideInput input) {
		try {
			PlanLifecycleOverride override = this.policies.setOverride(input.override());
			boolean removed = override.noticeDays() == null && override.graceDays() == null;
			return new PlanLifecycleOverridePayload(removed ? null : override, List.of());
		}
		catch (InvalidInputException ex) {
			return new PlanLifecycleOverridePayload(null, ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	SubscriptionChangePayload extendSubscription(@Argument ExtendSubscriptionInput input) {
		return change(() -> this.subscriptions.extend(input.subscriberId(),
				LifecycleInputs.date(input.until(), "until"), input.days(), input.idempotencyKey(), Actors.current()));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	SubscriptionChangePayload recordPayment(@Argument RecordPaymentInput input) {
		return change(() -> this.subscriptions.recordPayment(input.subscriberId(), input.payment(),
				LifecycleInputs.date(input.until(), "until"), input.days(), input.idempotencyKey(), Actors.current()));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	SubscriptionChangePayload postponeSuspension(@Argument PostponeSuspensionInput input) {
		return change(() -> this.subscriptions.postponeSuspension(input.subscriberId(),
				Objects.requireNonNull(LifecycleInputs.date(input.until(), "until")), input.reason(),
				Actors.current()));
	}

	@SchemaMapping(typeName = "LifecyclePolicy", field = "gracePlan")
	@Nullable Plan gracePlan(LifecyclePolicy policy) {
		return (policy.gracePlanId() != null) ? this.plans.get(policy.gracePlanId()) : null;
	}

	@SchemaMapping(typeName = "LifecyclePolicy", field = "suspendedPlan")
	@Nullable Plan suspendedPlan(LifecyclePolicy policy) {
		return (policy.suspendedPlanId() != null) ? this.plans.get(policy.suspendedPlanId()) : null;
	}

	@SchemaMapping(typeName = "LifecyclePolicy", field = "timeZone")
	String timeZone(LifecyclePolicy policy) {
		return policy.timeZone().getId();
	}

	@SchemaMapping(typeName = "LifecyclePolicy", field = "skipWeekdays")
	List<String> skipWeekdays(LifecyclePolicy policy) {
		return policy.skipWeekdays().stream().sorted().map(Enum::name).toList();
	}

	@SchemaMapping(typeName = "LifecyclePolicy", field = "skipDates")
	List<String> skipDates(LifecyclePolicy policy) {
		return policy.skipDates().stream().sorted().map(LocalDate::toString).toList();
	}

	@SchemaMapping(typeName = "LifecyclePolicy", field = "planOverrides")
	List<PlanLifecycleOverride> planOverrides(LifecyclePolicy policy) {
		return this.policies.overrides();
	}

	@SchemaMapping(typeName = "PlanLifecycleOverride", field = "plan")
	Plan overridePlan(PlanLifecycleOverride override) {
		return this.plans.get(override.planId());
	}

	/** Expiry moments of a page of subscribers, with one read of the policy's zone. */
	@BatchMapping(typeName = "Subscriber", field = "expiresAt")
	Map<Subscriber, @Nullable OffsetDateTime> expiresAt(List<Subscriber> subscribers) {
		ZoneId zone = this.policies.current().timeZone();
		Map<Subscriber, @Nullable OffsetDateTime> moments = new HashMap<>();
		for (Subscriber subscriber : subscribers) {
			LocalDate expiresOn = subscriber.expiresOn();
			moments.put(subscriber, (expiresOn != null)
					? expiresOn.plusDays(1).atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC) : null);
		}
		return moments;
	}

	@BatchMapping(typeName = "Subscriber", field = "lifecycleState")
	Map<Subscriber, @Nullable LifecycleState> lifecycleState(List<Subscriber> subscribers) {
		Map<UUID, LifecycleState> states = this.evaluation.statesOf(subscribers.stream().map(Subscriber::id).toList());
		Map<Subscriber, @Nullable LifecycleState> result = new HashMap<>();
		subscribers.forEach((subscriber) -> result.put(subscriber, states.get(subscriber.id())));
		return result;
	}

	@SchemaMapping(typeName = "Subscriber", field = "timeline")
	TimelinePage timeline(Subscriber subscriber, @Argument @Nullable Integer first) {
		return new TimelinePage(this.timeline.of(subscriber.id(), (first != null) ? first : 20));
	}

	private SubscriptionChangePayload change(Supplier<SubscriptionChange> work) {
		try {
			SubscriptionChange change = work.get();
			return SubscriptionChangePayload.of(change, this.subscribers.get(change.subscriberId()));
		}
		catch (InvalidInputException ex) {
			return SubscriptionChangePayload.refused(ex.errors());
		}
	}

}
