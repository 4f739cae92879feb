package io.towerline.core.subscriber;

import java.util.ArrayList;
import java.util.Comparator;
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
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.BulkOutcome.RejectedRow;
import org.jspecify.annotations.Nullable;

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
	public static final int MAX_ROWS = 10_000;

	private static final int PER_OPERATION = 10_000;

	private final Subscribers subscribers;

	private final SubscriberRepository repository;

	private final RouterOperations operations;

	private final Plans plans;

	private final Routers routers;

	BulkSubscribers(Subscribers subscribers, SubscriberRepository repository, RouterOperations operations, Plans plans,
			Routers routers) {
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
