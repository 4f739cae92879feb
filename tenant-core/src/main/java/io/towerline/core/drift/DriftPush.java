package io.towerline.core.drift;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.operation.OperationRequest;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enqueues the operations that make a router match the platform for some drift items, in
 * the caller's transaction, and marks the items PUSHED with their operation. Secrets of
 * many subscribers go in one bulk operation.
 */
@Component
class DriftPush {

	private final RouterOperations operations;

	private final Clock clock;

	DriftPush(RouterOperations operations, Clock clock) {
		this.operations = operations;
		this.clock = clock;
	}

	/**
	 * Pushes the items; each must be pushable: a secret with its subscriber, a profile
	 * with its plan, or an unmanaged secret (which is removed).
	 * @return the operations enqueued
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<UUID> push(UUID routerId, List<DriftItem> items, Actor actor) {
		List<DriftItem> secrets = new ArrayList<>();
		List<UUID> enqueued = new ArrayList<>();
		for (DriftItem item : items) {
			if (item.object() == DriftObject.PROFILE) {
				UUID planId = Objects.requireNonNull(item.planId());
				mark(item, this.operations.enqueue(OperationRequest.syncPlan(routerId, planId, actor)), actor,
						enqueued);
			}
			else if (item.kind() == DriftKind.UNMANAGED) {
				mark(item, this.operations.enqueue(OperationRequest.removeSecret(routerId, item.name(), actor)), actor,
						enqueued);
			}
			else {
				secrets.add(item);
			}
		}
		if (secrets.size() == 1) {
			UUID subscriberId = Objects.requireNonNull(secrets.get(0).subscriberId());
			mark(secrets.get(0),
					this.operations.enqueue(OperationRequest.syncSubscriber(routerId, subscriberId, actor)), actor,
					enqueued);
		}
		else if (secrets.size() > 1) {
			List<UUID> ids = secrets.stream().map((item) -> Objects.requireNonNull(item.subscriberId())).toList();
			RouterOperation bulk = this.operations.enqueue(OperationRequest.syncSubscribers(routerId, ids, actor));
			secrets.forEach((item) -> item.resolve(DriftItemState.PUSHED, actor, bulk.id(), this.clock.instant()));
			enqueued.add(bulk.id());
		}
		return enqueued;
	}

	private void mark(DriftItem item, RouterOperation operation, Actor actor, List<UUID> enqueued) {
		item.resolve(DriftItemState.PUSHED, actor, operation.id(), this.clock.instant());
		enqueued.add(operation.id());
	}

}
