package io.towerline.core.provisioning;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.operation.OperationHandler;
import io.towerline.core.operation.OperationKind;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanRouterPools;
import io.towerline.core.plan.Plans;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberRecords;
import io.towerline.mikrotik.client.RouterClient;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * One subscriber's secret on one router: created or set to match, disabled with its
 * session ended when the subscriber may not connect, removed when the subscriber is being
 * deleted. Also removes a moved subscriber's secret from its old router.
 */
@Component
class SubscriberSync implements OperationHandler {

	private final SubscriberRecords subscribers;

	private final Plans plans;

	private final Routers routers;

	private final RouterAccess access;

	private final RouterOperations operations;

	private final PlanRouterPools pools;

	SubscriberSync(SubscriberRecords subscribers, Plans plans, Routers routers, RouterAccess access,
			RouterOperations operations, PlanRouterPools pools) {
		this.pools = pools;
		this.operations = operations;
		this.subscribers = subscribers;
		this.plans = plans;
		this.routers = routers;
		this.access = access;
	}

	@Override
	public Set<OperationKind> kinds() {
		return Set.of(OperationKind.SYNC_SUBSCRIBER, OperationKind.REMOVE_SECRET);
	}

	@Override
	public @Nullable String run(RouterOperation operation, Progress progress) {
		RouterClient client = this.access.client(this.routers.get(operation.routerId()));
		if (operation.kind() == OperationKind.REMOVE_SECRET) {
			String name = Objects.requireNonNull(operation.subject());
			if (servedHere(name, operation.routerId())) {
				// the subscriber came back before this removal ran; its own sync
				// operation keeps the secret
				return "A subscriber with this username is served by this router again; the secret stays";
			}
			context(operation, name).call(() -> remove(client, name));
			return null;
		}
		Subscriber subscriber = this.subscribers.find(Objects.requireNonNull(operation.subscriberId())).orElse(null);
		if (subscriber == null) {
			return "The subscriber no longer exists; nothing to do";
		}
		if (!subscriber.routerId().equals(operation.routerId())) {
			return "The subscriber moved to another router; that router's operation carries the change";
		}
		context(operation, subscriber.username()).call(() -> {
			if (subscriber.deleting()) {
				remove(client, subscriber.username());
				this.subscribers.removed(subscriber.id());
				return null;
			}
			Plan plan = this.plans.get(subscriber.planId());
			Profiles.ensure(client, plan, this.pools.rangesFor(plan, operation.routerId()));
			client.pppSecrets().upsert(SecretSpecs.secret(subscriber, this.subscribers.password(subscriber), plan));
			if (!subscriber.status().mayConnect()) {
				client.pppActive().kick(subscriber.username());
			}
			this.subscribers.confirmed(List.of(subscriber.id()));
			this.operations.applied(operation.id(), List.of(subscriber.id()));
			return null;
		});
		return null;
	}

	/**
	 * Read when the removal runs, not when it was queued: the desired state may have
	 * changed since.
	 */
	private boolean servedHere(String name, UUID routerId) {
		return this.subscribers.byUsernames(List.of(name))
			.stream()
			.anyMatch((subscriber) -> subscriber.routerId().equals(routerId) && !subscriber.deleting());
	}

	private static Void remove(RouterClient client, String name) {
		client.pppActive().kick(name);
		client.pppSecrets().remove(name);
		return null;
	}

	private static CommandContext context(RouterOperation operation, String subject) {
		return new CommandContext(operation.routerId(), Actor.of(operation.requestedBy()), operation.id(), subject);
	}

}
