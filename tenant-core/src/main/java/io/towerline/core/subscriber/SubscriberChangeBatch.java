package io.towerline.core.subscriber;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.operation.OperationRequest;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.Plans;

/**
 * Changes to many subscribers in the caller's transaction, each recorded and announced as
 * a single change would be (timeline, webhooks), with the router work held back until
 * {@link #enqueue}: then each router gets one pipelined sync operation for all of its
 * changed subscribers, as bulk actions do. A subscriber changed twice (plan, then status)
 * is synced once. Not thread-safe: one batch per transaction.
 */
public final class SubscriberChangeBatch {

	/** Most subscribers in one operation; a larger share of one router is split. */
	static final int PER_OPERATION = 10_000;

	private final Subscribers subscribers;

	private final SubscriberRepository repository;

	private final RouterOperations operations;

	private final Plans plans;

	private final Clock clock;

	private final Map<UUID, Subscriber> changed = new LinkedHashMap<>();

	SubscriberChangeBatch(Subscribers subscribers, SubscriberRepository repository, RouterOperations operations,
			Plans plans, Clock clock) {
		this.subscribers = subscribers;
		this.repository = repository;
		this.operations = operations;
		this.plans = plans;
		this.clock = clock;
	}

	public void changePlan(UUID id, UUID planId, Actor actor) {
		String planName = this.plans.get(planId).name();
		Subscriber subscriber = this.subscribers.get(id);
		subscriber.changePlan(planId, this.clock.instant());
		this.subscribers.publish(subscriber, SubscriberEvents.CHANGED, actor, "Plan changed to " + planName);
		this.changed.put(id, subscriber);
	}

	public void enable(UUID id, Actor actor) {
		Subscriber subscriber = this.subscribers.get(id);
		SubscriberStatus from = subscriber.status();
		subscriber.changeStatus(SubscriberStatus.ACTIVE, this.clock.instant());
		this.subscribers.publish(subscriber, from.mayConnect() ? SubscriberEvents.CHANGED : SubscriberEvents.RESTORED,
				actor, Subscribers.backToActive(from));
		this.changed.put(id, subscriber);
	}

	public void suspend(UUID id, Actor actor) {
		Subscriber subscriber = this.subscribers.get(id);
		subscriber.changeStatus(SubscriberStatus.SUSPENDED, this.clock.instant());
		this.subscribers.publish(subscriber, SubscriberEvents.SUSPENDED, actor, "Suspended");
		this.changed.put(id, subscriber);
	}

	/** How many subscribers the batch changed so far. */
	public int size() {
		return this.changed.size();
	}

	/**
	 * Enqueues one sync operation per router for the subscribers changed so far (a
	 * single-subscriber sync when a router has one), and starts over.
	 * @return the operations enqueued
	 */
	public List<RouterOperation> enqueue(Actor actor) {
		if (this.changed.isEmpty()) {
			return List.of();
		}
		this.repository.flush();
		Map<UUID, List<UUID>> byRouter = new LinkedHashMap<>();
		this.changed.values()
			.forEach((subscriber) -> byRouter.computeIfAbsent(subscriber.routerId(), (id) -> new ArrayList<>())
				.add(subscriber.id()));
		this.changed.clear();
		List<OperationRequest> requests = new ArrayList<>();
		byRouter.forEach((routerId, ids) -> {
			if (ids.size() == 1) {
				// one subscriber: the single sync, which supersedes its older pending
				// ones
				requests.add(OperationRequest.syncSubscriber(routerId, ids.get(0), actor));
				return;
			}
			for (int from = 0; from < ids.size(); from += PER_OPERATION) {
				requests.add(OperationRequest.syncSubscribers(routerId,
						ids.subList(from, Math.min(ids.size(), from + PER_OPERATION)), actor));
			}
		});
		return this.operations.enqueueAll(requests);
	}

}
