package io.towerline.core.lifecycle;

import io.towerline.core.subscriber.LifecycleState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.lifecycle.LifecycleSteps.Look;
import io.towerline.core.lifecycle.SubscriberLifecycles.Cursor;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.Plans;
import io.towerline.core.subscriber.SubscriberChangeBatch;
import io.towerline.core.subscriber.Subscribers;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the bound tenant's flow at a given moment: only subscribers whose next look
 * is due are read (an index on {@code next_due_at}), in batches locked with SKIP LOCKED,
 * one transaction per batch. A batch that fails is retried one subscriber at a time, and
 * a subscriber that still fails is put off for an hour so it cannot hold up the others.
 */
@Service
public class LifecycleEvaluation {

	/** The actor of the scheduled flow in timelines and audit logs. */
	public static final Actor ACTOR = Actor.system("lifecycle");

	private static final Logger log = LoggerFactory.getLogger(LifecycleEvaluation.class);

	private static final Duration PUT_OFF = Duration.ofHours(1);

	private final SubscriberLifecycles lifecycles;

	private final LifecyclePolicies policies;

	private final LifecycleSteps steps;

	private final Plans plans;

	private final Subscribers subscribers;

	private final TransactionTemplate transactions;

	private final int batchSize;

	LifecycleEvaluation(SubscriberLifecycles lifecycles, LifecyclePolicies policies, LifecycleSteps steps, Plans plans,
			Subscribers subscribers, TransactionTemplate transactions, LifecycleProperties properties) {
		this.subscribers = subscribers;
		this.lifecycles = lifecycles;
		this.policies = policies;
		this.steps = steps;
		this.plans = plans;
		this.transactions = transactions;
		this.batchSize = properties.batchSize();
	}

	/**
	 * Takes every subscriber due at {@code now} one step further.
	 * @return how many subscribers were looked at
	 */
	public int evaluateDue(Instant now) {
		TenantContext.require();
		// most tenants have nothing due most of the time: without this look, each pass
		// read
		// the policy and the grace plan, and claimed with a query a small table answers
		// with a sequential scan of every row
		if (!this.lifecycles.anythingDue(now)) {
			return 0;
		}
		LifecyclePolicy policy = this.policies.current();
		if (!policy.enabled()) {
			return 0;
		}
		// plans and overrides are read once per evaluation, not once per batch
		Context context = new Context(policy);
		int total = 0;
		Cursor cursor = null;
		while (true) {
			Cursor from = cursor;
			Batch batch;
			try {
				batch = Objects.requireNonNull(this.transactions.execute((tx) -> batch(context, now, from)));
			}
			catch (RuntimeException ex) {
				log.warn("A lifecycle batch of tenant {} failed ({}); evaluating it one by one",
						TenantContext.require(), ex.getMessage());
				batch = oneByOne(context, now, from);
			}
			total += batch.looked();
			if (batch.looked() < this.batchSize || batch.last() == null) {
				return total;
			}
			cursor = batch.last();
		}
	}

	/**
	 * Takes one subscriber as far as {@code now} says, in the caller's transaction,
	 * whether or not the policy is on (a restore after an extension always happens).
	 * @return its state afterwards, or empty when the flow does not track it
	 */
	Optional<LifecycleState> evaluate(UUID subscriberId, Instant now, Actor actor) {
		SubscriberChangeBatch changes = this.subscribers.batch();
		Optional<LifecycleState> state = evaluate(subscriberId, now, actor, changes);
		changes.enqueue(actor);
		return state;
	}

	/**
	 * As {@link #evaluate(UUID, Instant, Actor)}, with the router work left in
	 * {@code changes} for the caller to enqueue (many subscribers, one operation per
	 * router).
	 */
	Optional<LifecycleState> evaluate(UUID subscriberId, Instant now, Actor actor, SubscriberChangeBatch changes) {
		Context context = new Context(this.policies.current());
		return this.lifecycles.lock(subscriberId)
			.map((subscriber) -> step(context, List.of(subscriber), now, actor, context.policy().enabled(), changes)
				.get(0)
				.state());
	}

	/** Where the subscriber stands, or empty when it has never had an expiry. */
	public Optional<LifecycleState> stateOf(UUID subscriberId) {
		return this.lifecycles.stateOf(subscriberId);
	}

	/** The states of the given subscribers that have ever had an expiry. */
	public Map<UUID, LifecycleState> statesOf(Collection<UUID> subscriberIds) {
		return this.lifecycles.statesOf(subscriberIds);
	}

	private Batch batch(Context context, Instant now, @Nullable Cursor after) {
		List<TrackedSubscriber> due = this.lifecycles.claimDue(now, this.batchSize, after);
		SubscriberChangeBatch changes = this.subscribers.batch();
		step(context, due, now, ACTOR, true, changes);
		changes.enqueue(ACTOR);
		return new Batch(due.size(), due.isEmpty() ? null : cursorOf(due.get(due.size() - 1)));
	}

	/**
	 * Advances the locked subscribers and stores their looks in one statement; their
	 * router work goes into {@code changes}.
	 */
	private List<Look> step(Context context, List<TrackedSubscriber> subscribers, Instant now, Actor actor,
			boolean transitions, SubscriberChangeBatch changes) {
		context.cover(subscribers);
		List<Look> looks = new ArrayList<>(subscribers.size());
		for (TrackedSubscriber subscriber : subscribers) {
			looks.add(this.steps.advance(subscriber, context.terms(subscriber), now, actor, transitions,
					context.planNames(), changes));
		}
		this.lifecycles.saveAll(looks, now);
		return looks;
	}

	private Batch oneByOne(Context context, Instant now, @Nullable Cursor after) {
		int looked = 0;
		Cursor cursor = after;
		for (int i = 0; i < this.batchSize; i++) {
			Cursor from = cursor;
			List<TrackedSubscriber> next = this.transactions
				.execute((tx) -> this.lifecycles.claimDue(now, 1, from).stream().toList());
			if (next == null || next.isEmpty()) {
				break;
			}
			TrackedSubscriber subscriber = next.get(0);
			cursor = cursorOf(subscriber);
			try {
				this.transactions
					.executeWithoutResult((tx) -> this.lifecycles.lock(subscriber.id()).ifPresent((locked) -> {
						SubscriberChangeBatch changes = this.subscribers.batch();
						step(context, List.of(locked), now, ACTOR, true, changes);
						changes.enqueue(ACTOR);
					}));
			}
			catch (RuntimeException ex) {
				log.warn("Lifecycle step of subscriber {} failed: {}; next look in {}", subscriber.id(),
						ex.getMessage(), PUT_OFF);
				this.transactions
					.executeWithoutResult((tx) -> this.lifecycles.putOff(subscriber.id(), now.plus(PUT_OFF)));
			}
			looked++;
		}
		return new Batch(looked, cursor);
	}

	private static Cursor cursorOf(TrackedSubscriber subscriber) {
		return new Cursor(Objects.requireNonNull(subscriber.dueAt()), subscriber.id());
	}

	private record Batch(int looked, @Nullable Cursor last) {

	}

	/**
	 * The policy, plans and plan overrides an evaluation needs, read as subscribers on
	 * plans not seen yet come along (usually only in the first batch).
	 */
	private final class Context {

		private final LifecyclePolicy policy;

		private final Map<UUID, Plan> plans = new HashMap<>();

		private final Map<UUID, PlanLifecycleOverride> overrides = new HashMap<>();

		private final Set<UUID> overridesRead = new HashSet<>();

		Context(LifecyclePolicy policy) {
			this.policy = policy;
		}

		LifecyclePolicy policy() {
			return this.policy;
		}

		void cover(List<TrackedSubscriber> subscribers) {
			Set<UUID> planIds = new HashSet<>();
			subscribers.forEach((subscriber) -> {
				planIds.add(subscriber.planId());
				if (subscriber.regularPlanId() != null) {
					planIds.add(subscriber.regularPlanId());
				}
			});
			read(planIds);
			Set<UUID> more = new HashSet<>();
			this.plans.values().forEach((plan) -> {
				if (plan.gracePlanId() != null) {
					more.add(plan.gracePlanId());
				}
			});
			if (this.policy.gracePlanId() != null) {
				more.add(this.policy.gracePlanId());
			}
			read(more);
			planIds.removeAll(this.overridesRead);
			if (!planIds.isEmpty()) {
				this.overrides.putAll(LifecycleEvaluation.this.policies.overridesOf(planIds));
				this.overridesRead.addAll(planIds);
			}
		}

		private void read(Set<UUID> planIds) {
			Set<UUID> missing = new HashSet<>(planIds);
			missing.removeAll(this.plans.keySet());
			if (!missing.isEmpty()) {
				LifecycleEvaluation.this.plans.getAll(missing).forEach((plan) -> this.plans.put(plan.id(), plan));
			}
		}

		/**
		 * The terms of the subscriber's regular plan: during grace it sits on the grace
		 * plan, whose own terms must not apply.
		 */
		LifecycleTerms terms(TrackedSubscriber subscriber) {
			UUID planId = (subscriber.regularPlanId() != null) ? subscriber.regularPlanId() : subscriber.planId();
			Plan plan = this.plans.get(planId);
			return LifecycleTerms.of(this.policy, this.overrides.get(planId),
					(plan != null) ? plan.gracePlanId() : null);
		}

		Map<UUID, String> planNames() {
			Map<UUID, String> names = new HashMap<>();
			this.plans.values().forEach((plan) -> names.put(plan.id(), plan.name()));
			return names;
		}

	}

}
