package io.towerline.core.provisioning;

import java.util.List;
import java.util.Set;

import io.towerline.core.audit.CommandContext;
import io.towerline.core.operation.OperationHandler;
import io.towerline.core.operation.OperationKind;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.plan.Plan;
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

	SubscriberSync(SubscriberRecords subscribers, Plans plans, Routers routers, RouterAccess access) {
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
			String name = java.util.Objects.requireNonNull(operation.subject());
			context(operation, name).call(() -> remove(client, name));
			return null;
		}
		Subscriber subscriber = this.subscribers.find(java.util.Objects.requireNonNull(operation.subscriberId()))
			.orElse(null);
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
			Profiles.ensure(client, plan);
			client.pppSecrets().upsert(SecretSpecs.secret(subscriber, this.subscribers.password(subscriber), plan));
			if (!subscriber.status().mayConnect()) {
				client.pppActive().kick(subscriber.username());
			}
			this.subscribers.confirmed(List.of(subscriber.id()));
			return null;
		});
		return null;
	}

	private static Void remove(RouterClient client, String name) {
		client.pppActive().kick(name);
		client.pppSecrets().remove(name);
		return null;
	}

	private static CommandContext context(RouterOperation operation, String subject) {
		return new CommandContext(operation.routerId(), operation.requestedBy(), operation.id(), subject);
	}

}
