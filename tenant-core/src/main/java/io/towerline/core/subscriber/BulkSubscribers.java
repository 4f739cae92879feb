package io.towerline.core.subscriber;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.operation.OperationRequest;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.Plans;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.BulkOutcome.RejectedRow;
import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many subscribers at once (up to {@value #MAX_ROWS}): every row is validated on its own,
 * good rows are recorded in one transaction, and each router gets one pipelined operation
 * for its share. Bad rows are reported, never lose the good ones.
 */
@Service
@Transactional
public class BulkSubscribers {

	/** The most rows one request may carry. */
	static final int MAX_ROWS = 10_000;

	private static final int PER_OPERATION = 10_000;

	private final Subscribers subscribers;

	private final SubscriberRepository repository;

	private final RouterOperations operations;

	private final Plans plans;

	private final Routers routers;

	private final Clock clock;

	BulkSubscribers(Subscribers subscribers, SubscriberRepository repository, RouterOperations operations, Plans plans,
			Routers routers, Clock clock) {
		this.clock = clock;
		this.subscribers = subscribers;
		this.repository = repository;
		this.operations = operations;
		this.plans = plans;
		this.routers = routers;
	}

	/** Creates the good rows and enqueues their provisioning. */
	public BulkOutcome create(List<SubscriberDraft> drafts, Actor actor) {
		checkSize(drafts.size());
		Set<String> taken = existingUsernames(drafts);
		KnownReferences known = new KnownReferences(Set.copyOf(this.plans.idsByName().values()),
				Set.copyOf(this.routers.idsByName().values()));
		Set<String> seen = new HashSet<>();
		List<Subscriber> created = new ArrayList<>();
		List<RejectedRow> rejected = new ArrayList<>();
		for (int row = 0; row < drafts.size(); row++) {
			SubscriberDraft draft = drafts.get(row);
			String key = String.valueOf(draft.username());
			String lower = key.strip().toLowerCase(Locale.ROOT);
			if (taken.contains(lower) || !seen.add(lower)) {
				rejected.add(new RejectedRow(row, key, List.of(new FieldError("username", ErrorCode.DUPLICATE,
						"Username '" + key + "' is already taken (in the platform or earlier in this request)"))));
				continue;
			}
			try {
				created.add(this.subscribers.register(draft, known));
			}
			catch (InvalidInputException ex) {
				rejected.add(new RejectedRow(row, key, ex.errors()));
			}
		}
		return new BulkOutcome(created, enqueuePerRouter(created, actor), rejected);
	}

	/**
	 * Creates the readable rows of a request some of whose rows were already refused
	 * while reading it: {@code drafts} holds a null for each such row, and every refused
	 * row is reported by its position in the request, or by its CSV line when
	 * {@code lines} (the line of each draft) is given.
	 * @param refused the rows refused while reading, by position or line
	 */
	public BulkOutcome createRows(List<@Nullable SubscriberDraft> drafts, List<RejectedRow> refused,
			@Nullable List<Integer> lines, Actor actor) {
		checkSize(drafts.size() + ((lines != null) ? refused.size() : 0));
		List<Integer> positions = new ArrayList<>();
		List<SubscriberDraft> readable = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			SubscriberDraft draft = drafts.get(i);
			if (draft != null) {
				positions.add((lines != null) ? lines.get(i) : i);
				readable.add(draft);
			}
		}
		List<RejectedRow> rejected = new ArrayList<>(refused);
		if (readable.isEmpty()) {
			return new BulkOutcome(List.of(), List.of(), rejected);
		}
		BulkOutcome outcome = create(readable, actor);
		outcome.rejected()
			.forEach((row) -> rejected.add(new RejectedRow(positions.get(row.row()), row.key(), row.errors())));
		rejected.sort(Comparator.comparingInt(RejectedRow::row));
		return new BulkOutcome(outcome.created(), outcome.operations(), rejected);
	}

	/**
	 * Moves the given subscribers to another plan and enqueues one operation per router.
	 */
	public BulkOutcome changePlan(List<UUID> ids, UUID planId, Actor actor) {
		checkSize(ids.size());
		List<Subscriber> changed = new ArrayList<>();
		List<RejectedRow> rejected = new ArrayList<>();
		for (int row = 0; row < ids.size(); row++) {
			UUID id = ids.get(row);
			try {
				changed.add(this.subscribers.applyPlan(id, planId));
			}
			catch (NotFoundException ex) {
				rejected.add(new RejectedRow(row, id.toString(),
						List.of(new FieldError("subscriberIds", ErrorCode.NOT_FOUND, ex.getMessage()))));
			}
			catch (InvalidInputException ex) {
				rejected.add(new RejectedRow(row, id.toString(), ex.errors()));
			}
		}
		return new BulkOutcome(changed, enqueuePerRouter(changed, actor), rejected);
	}

	/**
	 * Does {@code action} to every selected subscriber (up to {@value #MAX_ROWS}) and
	 * enqueues one operation per router for those that changed; subscribers already as
	 * asked are left alone. Ids that do not exist are reported as rejected rows.
	 * @param planId the new plan, for {@link BulkAction#CHANGE_PLAN} only
	 * @throws InvalidInputException when there are no ids or more than
	 * {@value #MAX_ROWS}, the filter selects more than {@value #MAX_ROWS}, or a plan is
	 * missing or not wanted
	 */
	public BulkOutcome apply(BulkAction action, SubscriberSelection selection, @Nullable UUID planId, Actor actor) {
		if ((action == BulkAction.CHANGE_PLAN) != (planId != null)) {
			throw new InvalidInputException(FieldError.invalid("planId",
					(planId == null) ? "Changing plans needs the plan" : "Only CHANGE_PLAN takes a plan"));
		}
		if (planId != null) {
			try {
				this.plans.get(planId);
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException(new FieldError("planId", ErrorCode.NOT_FOUND, "No such plan"));
			}
		}
		List<Subscriber> changed = new ArrayList<>();
		List<RejectedRow> rejected = new ArrayList<>();
		List<UUID> ids;
		if (selection.ids() != null) {
			ids = selection.ids();
			checkSize(ids.size());
		}
		else {
			// a filter that matches nobody is a request with nothing to do, not a mistake
			ids = matching(selection);
		}
		Map<UUID, Subscriber> found = new HashMap<>();
		for (int from = 0; from < ids.size(); from += 1000) {
			this.repository.findAllById(ids.subList(from, Math.min(ids.size(), from + 1000)))
				.forEach((subscriber) -> found.put(subscriber.id(), subscriber));
		}
		Instant now = this.clock.instant();
		for (int row = 0; row < ids.size(); row++) {
			UUID id = ids.get(row);
			Subscriber subscriber = found.get(id);
			if (subscriber == null || subscriber.deleting()) {
				rejected.add(new RejectedRow(row, id.toString(),
						List.of(new FieldError("subscriberIds", ErrorCode.NOT_FOUND, "No such subscriber"))));
			}
			else {
				SubscriberStatus from = subscriber.status();
				if (change(subscriber, action, planId, now)) {
					changed.add(subscriber);
					announce(subscriber, action, from, actor);
				}
			}
		}
		return new BulkOutcome(changed, enqueuePerRouter(changed, actor), rejected);
	}

	/**
	 * The ids a selection names: its ids as given (1 to {@value #MAX_ROWS}), or those its
	 * filter matches (at most {@value #MAX_ROWS}), for bulk work done elsewhere (such as
	 * extending subscriptions).
	 * @throws InvalidInputException when there are none or too many ids, or the filter
	 * selects too many
	 */
	@Transactional(readOnly = true)
	public List<UUID> select(SubscriberSelection selection) {
		if (selection.ids() != null) {
			checkSize(selection.ids().size());
			return selection.ids();
		}
		return matching(selection);
	}

	/**
	 * The same event a single change publishes, so timelines and webhooks see bulk work.
	 */
	private void announce(Subscriber subscriber, BulkAction action, SubscriberStatus from, Actor actor) {
		switch (action) {
			case ENABLE -> this.subscribers.publish(subscriber,
					from.mayConnect() ? SubscriberEvents.CHANGED : SubscriberEvents.RESTORED, actor,
					Subscribers.backToActive(from) + " (bulk)");
			case DISABLE -> this.subscribers.publish(subscriber, SubscriberEvents.CHANGED, actor, "Disabled (bulk)");
			case SUSPEND -> this.subscribers.publish(subscriber, SubscriberEvents.SUSPENDED, actor, "Suspended (bulk)");
			case CHANGE_PLAN -> this.subscribers.publish(subscriber, SubscriberEvents.CHANGED, actor,
					"Plan changed to " + this.plans.get(subscriber.planId()).name() + " (bulk)");
		}
	}

	private static boolean change(Subscriber subscriber, BulkAction action, @Nullable UUID planId, Instant now) {
		if (action == BulkAction.CHANGE_PLAN) {
			if (subscriber.planId().equals(planId)) {
				return false;
			}
			subscriber.changePlan(Objects.requireNonNull(planId), now);
			return true;
		}
		SubscriberStatus status = switch (action) {
			case ENABLE -> SubscriberStatus.ACTIVE;
			case DISABLE -> SubscriberStatus.DISABLED;
			default -> SubscriberStatus.SUSPENDED;
		};
		if (subscriber.status() == status
				|| (status == SubscriberStatus.ACTIVE && subscriber.status() == SubscriberStatus.PENDING)) {
			return false;
		}
		subscriber.changeStatus(status, now);
		return true;
	}

	/** The ids a filter selects, in id order; refuses more than {@value #MAX_ROWS}. */
	private List<UUID> matching(SubscriberSelection selection) {
		List<UUID> routerIds = new ArrayList<>();
		if (selection.routerId() != null) {
			try {
				routerIds.add(this.routers.get(selection.routerId()).id());
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException(
						new FieldError("filter.routerId", ErrorCode.NOT_FOUND, "No such router"));
			}
		}
		if (selection.popId() != null) {
			List<UUID> atPop = this.routers.atPop(selection.popId()).stream().map(Router::id).toList();
			if (selection.routerId() != null) {
				routerIds.retainAll(atPop);
			}
			else {
				routerIds.addAll(atPop);
			}
			if (routerIds.isEmpty()) {
				return List.of();
			}
		}
		Specification<Subscriber> filter = (root, query, where) -> {
			List<Predicate> conditions = new ArrayList<>();
			conditions.add(where.isFalse(root.get("deleting")));
			if (!routerIds.isEmpty()) {
				conditions.add(root.get("routerId").in(routerIds));
			}
			if (selection.planId() != null) {
				conditions.add(where.equal(root.get("planId"), selection.planId()));
			}
			if (selection.status() != null) {
				conditions.add(where.equal(root.get("status"), selection.status()));
			}
			return where.and(conditions.toArray(Predicate[]::new));
		};
		long count = this.repository.count(filter);
		if (count > MAX_ROWS) {
			throw new InvalidInputException(FieldError.invalid("filter", "The filter selects " + count
					+ " subscribers; one request acts on at most " + MAX_ROWS + ": narrow it (router, plan, status)"));
		}
		return this.repository.findAll(filter, Sort.by("id")).stream().map(Subscriber::id).toList();
	}

	private List<RouterOperation> enqueuePerRouter(List<Subscriber> subscribers, Actor actor) {
		this.repository.flush();
		Map<UUID, List<UUID>> byRouter = new LinkedHashMap<>();
		subscribers.forEach((subscriber) -> byRouter.computeIfAbsent(subscriber.routerId(), (id) -> new ArrayList<>())
			.add(subscriber.id()));
		List<RouterOperation> enqueued = new ArrayList<>();
		byRouter.forEach((routerId, ids) -> {
			for (int from = 0; from < ids.size(); from += PER_OPERATION) {
				List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + PER_OPERATION));
				enqueued.add(this.operations.enqueue(OperationRequest.syncSubscribers(routerId, chunk, actor)));
			}
		});
		return enqueued;
	}

	private Set<String> existingUsernames(List<SubscriberDraft> drafts) {
		List<String> names = drafts.stream()
			.map(SubscriberDraft::username)
			.filter(Objects::nonNull)
			.map((name) -> name.strip().toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
		Set<String> taken = new HashSet<>();
		for (int from = 0; from < names.size(); from += 1000) {
			taken.addAll(this.repository.findTakenUsernames(names.subList(from, Math.min(names.size(), from + 1000))));
		}
		return taken;
	}

	private static void checkSize(int rows) {
		if (rows == 0 || rows > MAX_ROWS) {
			throw new InvalidInputException(
					FieldError.invalid("subscribers", "A bulk request holds 1 to " + MAX_ROWS + " rows, not " + rows));
		}
	}

}
