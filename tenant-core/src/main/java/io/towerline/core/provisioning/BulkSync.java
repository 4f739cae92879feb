package io.towerline.core.provisioning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.operation.OperationHandedBack;
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
import io.towerline.mikrotik.BatchResult;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.ppp.PppSecret;
import io.towerline.mikrotik.ppp.PppSecretChange;
import io.towerline.mikrotik.ppp.PppSecretSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Many subscribers on one router: reads the router's secrets once, pipelines the missing
 * ones over one connection, sets the ones that differ, and leaves identical ones alone. A
 * rejected item is reported and never stops the others; a transient failure (router gone
 * mid-way) fails the attempt, and the retry picks up where the router stands.
 * <p>
 * Work goes in steps of {@value #STEP} subscribers. After each step the subscribers the
 * router confirmed are recorded and the progress persisted, so a crash or a shutdown
 * loses at most one step; at shutdown the operation hands itself back between steps, and
 * the next run skips what the router already has.
 */
@Component
class BulkSync implements OperationHandler {

	private static final int STEP = 500;

	private final SubscriberRecords subscribers;

	private final Plans plans;

	private final Routers routers;

	private final RouterAccess access;

	private final RouterOperations operations;

	private final PlanRouterPools pools;

	BulkSync(SubscriberRecords subscribers, Plans plans, Routers routers, RouterAccess access,
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
		return Set.of(OperationKind.SYNC_SUBSCRIBERS);
	}

	@Override
	public @Nullable String run(RouterOperation operation, Progress progress) {
		RouterClient client = this.access.client(this.routers.get(operation.routerId()));
		List<Subscriber> wanted = this.subscribers.findAll(operation.subscriberIds())
			.stream()
			.filter((subscriber) -> subscriber.routerId().equals(operation.routerId()) && !subscriber.deleting())
			.toList();
		CommandContext context = new CommandContext(operation.routerId(), Actor.of(operation.requestedBy()),
				operation.id(), null);
		return context.call(() -> apply(operation, client, wanted, progress));
	}

	private @Nullable String apply(RouterOperation operation, RouterClient client, List<Subscriber> wanted,
			Progress progress) {
		Map<UUID, Plan> plans = this.plans.getAll(wanted.stream().map(Subscriber::planId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Plan::id, Function.identity()));
		Map<UUID, String> ranges = this.pools.rangesFor(List.copyOf(plans.values()), operation.routerId());
		plans.values().forEach((plan) -> Profiles.ensure(client, plan, ranges.get(plan.id())));
		Map<String, PppSecret> onRouter = new HashMap<>();
		client.pppSecrets().list().forEach((secret) -> onRouter.put(secret.name(), secret));

		List<PppSecretSpec> toAdd = new ArrayList<>();
		Map<String, UUID> idsByName = new HashMap<>();
		List<String> failures = new ArrayList<>();
		List<UUID> confirmed = new ArrayList<>();
		int processed = 0;
		for (Subscriber subscriber : wanted) {
			PppSecretSpec spec = SecretSpecs.secret(subscriber, this.subscribers.password(subscriber),
					plans.get(subscriber.planId()));
			idsByName.put(spec.name(), subscriber.id());
			PppSecret existing = onRouter.get(spec.name());
			if (existing == null) {
				toAdd.add(spec);
				continue;
			}
			if (!matches(existing, spec)) {
				client.pppSecrets().update(spec.name(), change(spec));
			}
			if (spec.disabled()) {
				client.pppActive().kick(spec.name());
			}
			confirmed.add(subscriber.id());
			processed++;
			if (confirmed.size() == STEP) {
				record(operation, confirmed, processed, failures, progress);
				handBackIfRequested(progress, processed, wanted.size());
			}
		}
		record(operation, confirmed, processed, failures, progress);
		for (int from = 0; from < toAdd.size(); from += STEP) {
			handBackIfRequested(progress, processed, wanted.size());
			List<PppSecretSpec> chunk = toAdd.subList(from, Math.min(toAdd.size(), from + STEP));
			BatchResult<PppSecretSpec> result = client.pppSecrets().addAll(chunk);
			RouterException transientFailure = null;
			for (BatchResult.Item<PppSecretSpec> item : result.items()) {
				if (item.succeeded()) {
					confirmed.add(idsByName.get(item.input().name()));
				}
				else {
					RouterException error = Objects.requireNonNull(item.error());
					failures.add(item.input().name() + ": " + error.code() + " " + error.getMessage());
					if (error.isTransient()) {
						transientFailure = error;
					}
				}
			}
			processed += chunk.size();
			record(operation, confirmed, processed, failures, progress);
			if (transientFailure != null) {
				throw transientFailure;
			}
		}
		return failures.isEmpty() ? null : failures.size() + " of " + wanted.size() + " failed: "
				+ String.join("; ", failures.subList(0, Math.min(10, failures.size())));
	}

	/**
	 * Records the subscribers the router confirmed since the last step (confirmed, and in
	 * sync unless a newer change is queued) and the progress, each committed at once.
	 */
	private void record(RouterOperation operation, List<UUID> confirmed, int processed, List<String> failures,
			Progress progress) {
		if (!confirmed.isEmpty()) {
			List<UUID> step = List.copyOf(confirmed);
			this.subscribers.confirmed(step);
			this.operations.applied(operation.id(), step);
			confirmed.clear();
		}
		progress.update(processed - failures.size(), failures.size());
	}

	private static void handBackIfRequested(Progress progress, int processed, int total) {
		if (progress.handBackRequested()) {
			throw new OperationHandedBack(processed + " of " + total + " subscribers done");
		}
	}

	/** Whether the router's secret already holds what the platform owns of it. */
	private static boolean matches(PppSecret existing, PppSecretSpec spec) {
		return existing.profile().equals(spec.profile()) && existing.disabled() == spec.disabled()
				&& (spec.comment() == null || spec.comment().equals(existing.comment()))
				&& existing.password().equals(spec.password());
	}

	private static PppSecretChange change(PppSecretSpec spec) {
		return new PppSecretChange(spec.password(), spec.profile(), null, spec.comment(), spec.disabled());
	}

}
