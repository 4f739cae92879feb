package io.towerline.core.provisioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.operation.OperationHandler;
import io.towerline.core.operation.OperationKind;
import io.towerline.core.operation.OperationRequest;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanRouterPools;
import io.towerline.core.plan.Plans;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberRecords;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A plan's PPP profile on one router, made identical to the plan. When a plan changes,
 * every router serving it gets such an operation (and its subscribers a resync when the
 * profile's name changed), enqueued in the same transaction as the change.
 */
@Component
class PlanSync implements OperationHandler {

	private final Plans plans;

	private final Routers routers;

	private final RouterAccess access;

	private final SubscriberRecords subscribers;

	private final RouterOperations operations;

	private final PlanRouterPools pools;

	PlanSync(Plans plans, Routers routers, RouterAccess access, SubscriberRecords subscribers,
			RouterOperations operations, PlanRouterPools pools) {
		this.pools = pools;
		this.plans = plans;
		this.routers = routers;
		this.access = access;
		this.subscribers = subscribers;
		this.operations = operations;
	}

	@Override
	public Set<OperationKind> kinds() {
		return Set.of(OperationKind.SYNC_PLAN, OperationKind.REMOVE_PROFILE);
	}

	@Override
	public @Nullable String run(RouterOperation operation, Progress progress) {
		if (operation.kind() == OperationKind.REMOVE_PROFILE) {
			String profile = Objects.requireNonNull(operation.subject());
			new CommandContext(operation.routerId(), Actor.of(operation.requestedBy()), operation.id(), null)
				.call(() -> this.access.client(this.routers.get(operation.routerId())).pppProfiles().remove(profile));
			return null;
		}
		Plan plan = this.plans.get(Objects.requireNonNull(operation.planId()));
		new CommandContext(operation.routerId(), Actor.of(operation.requestedBy()), operation.id(), null).call(() -> {
			Profiles.ensure(this.access.client(this.routers.get(operation.routerId())), plan,
					this.pools.rangesFor(plan, operation.routerId()));
			return null;
		});
		return null;
	}

	/**
	 * A deleted plan's profile leaves every router of the tenant (absent ones count as
	 * removed), on behalf of whoever deleted the plan.
	 */
	@EventListener
	void on(Plans.PlanDeleted deleted) {
		this.routers.idsByName()
			.values()
			.forEach((routerId) -> this.operations
				.enqueue(OperationRequest.removeProfile(routerId, deleted.profileName(), deleted.actor())));
	}

	/**
	 * A changed plan's profile is pushed to every router serving it, on behalf of whoever
	 * changed the plan (ADR 0264).
	 */
	@EventListener
	void on(Plans.PlanChanged change) {
		Plan plan = this.plans.get(change.planId());
		Map<UUID, List<UUID>> byRouter = new LinkedHashMap<>();
		for (Subscriber subscriber : this.subscribers.onPlan(plan.id())) {
			byRouter.computeIfAbsent(subscriber.routerId(), (id) -> new ArrayList<>()).add(subscriber.id());
		}
		boolean renamed = !plan.profileName().equals(change.previousProfileName());
		byRouter.forEach((routerId, ids) -> {
			this.operations.enqueue(OperationRequest.syncPlan(routerId, plan.id(), change.actor()));
			if (renamed) {
				this.operations.enqueue(OperationRequest.syncSubscribers(routerId, ids, change.actor()));
			}
		});
	}

}
