package io.towerline.core.operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.towerline.core.actor.Actor;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enqueues operations in the caller's transaction (the desired state and its job commit
 * together or not at all; a newer change supersedes a queued older one), claims them for
 * a worker one subscriber or plan at a time, and records their progress in transactions
 * of their own.
 */
@Service
@Transactional
public class RouterOperations {

	/**
	 * The db-scheduler task that runs operations; the instance id is
	 * {@code <tenant>:<operation id>}.
	 */
	static final TaskDescriptor<OperationRef> TASK = TaskDescriptor.of("router-operation", OperationRef.class);

	/** The event published when an operation fails for good; the subject is its id. */
	public static final String OPERATION_FAILED = "operation.failed";

	private static final int CHUNK = 1000;

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "id");

	private final OperationRepository operations;

	private final SchedulerClient scheduler;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	RouterOperations(OperationRepository operations, SchedulerClient scheduler, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.operations = operations;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * Records the operation and schedules its job, both inside the current transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public RouterOperation enqueue(OperationRequest request) {
		Instant now = this.clock.instant();
		RouterOperation operation = this.operations.save(new RouterOperation(request, now));
		if (request.kind() == OperationKind.SYNC_SUBSCRIBER || request.kind() == OperationKind.SYNC_PLAN) {
			this.operations.supersede(operation.id(), operation.routerId(), request.kind().name(), operation.lockKey(),
					now);
		}
		if (request.kind() == OperationKind.SYNC_SUBSCRIBER && request.subscriberId() != null) {
			this.operations.pointAt(operation.id(), List.of(request.subscriberId()));
		}
		if (request.kind() == OperationKind.SYNC_SUBSCRIBERS) {
			List<UUID> ids = request.subscriberIds();
			for (int from = 0; from < ids.size(); from += CHUNK) {
				this.operations.pointAt(operation.id(), ids.subList(from, Math.min(ids.size(), from + CHUNK)));
			}
		}
		schedule(operation.id(), now);
		StartedOperations.enqueued(operation);
		return operation;
	}

	/** Enqueues several operations in the current transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<RouterOperation> enqueueAll(List<OperationRequest> requests) {
		return requests.stream().map(this::enqueue).toList();
	}

	// a lookup that finds nothing must not mark the caller's transaction rollback-only
	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	public RouterOperation get(UUID id) {
		return this.operations.findById(id).orElseThrow(() -> new NotFoundException("Operation", id));
	}

	@Transactional(readOnly = true)
	public Optional<RouterOperation> find(UUID id) {
		return this.operations.findById(id);
	}

	/** The operations among {@code ids} that exist, in no particular order. */
	@Transactional(readOnly = true)
	public List<RouterOperation> findAll(Collection<UUID> ids) {
		return this.operations.findAllById(ids);
	}

	/** Newest first, optionally only those in one status or of one subscriber. */
	@Transactional(readOnly = true)
	public Window<RouterOperation> list(@Nullable OperationStatus status, @Nullable UUID subscriberId,
			ScrollPosition position, int limit) {
		if (subscriberId != null) {
			return this.operations.findBySubscriberId(subscriberId, position, Limit.of(limit), NEWEST_FIRST);
		}
		if (status != null) {
			return this.operations.findByStatus(status, position, Limit.of(limit), NEWEST_FIRST);
		}
		return this.operations.findBy(position, Limit.of(limit), NEWEST_FIRST);
	}

	/** Runs a FAILED operation again from its first attempt. */
	public RouterOperation retry(UUID id) {
		RouterOperation operation = get(id);
		if (operation.status() != OperationStatus.FAILED) {
			throw new DomainException(ErrorCode.INVALID_STATE,
					"Only FAILED operations can be retried; this one is " + operation.status());
		}
		operation.requeued(this.clock.instant());
		schedule(id, this.clock.instant());
		return operation;
	}

	/**
	 * Marks the operation RUNNING, unless it is done or another operation on the same
	 * subscriber, secret or plan of its router runs right now (on any replica).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Claim claim(UUID id) {
		RouterOperation operation = this.operations.findById(id).orElse(null);
		if (operation == null || operation.status().isFinal()) {
			return Claim.DONE;
		}
		this.operations.lockClaimsOf(operation.routerId());
		int claimed = this.operations.claim(id, operation.routerId(), operation.lockKey(), this.clock.instant());
		RouterOperation current = get(id);
		if (claimed == 1) {
			return new Claim(Claim.Outcome.RUNNING, current);
		}
		return current.status().isFinal() ? Claim.DONE : Claim.BUSY;
	}

	/**
	 * Wakes the operations waiting for a router, oldest first: db-scheduler picks due
	 * executions by time, so staggering them by a millisecond each keeps their order.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	int wakeWaiting(UUID routerId) {
		List<UUID> waiting = this.operations.waitingOn(routerId);
		Instant now = this.clock.instant();
		String tenant = TenantContext.require().slug();
		int woken = 0;
		for (UUID id : waiting) {
			Instant at = now.plusMillis(woken);
			try {
				if (this.scheduler.reschedule(TaskInstanceId.of(TASK.getTaskName(), tenant + ":" + id), at)) {
					this.operations.due(id, at);
					woken++;
				}
			}
			catch (RuntimeException ex) {
				// running right now on some worker, which settles it itself
			}
		}
		return woken;
	}

	/**
	 * The operation has put these subscribers' latest state on the router: they are in
	 * sync unless a newer change is already queued.
	 */
	public void applied(UUID operationId, Collection<UUID> subscriberIds) {
		List<UUID> ids = List.copyOf(subscriberIds);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			this.operations.applied(operationId, ids.subList(from, Math.min(ids.size(), from + CHUNK)));
		}
	}

	/**
	 * Whether each subscriber's latest change is on its router, and if not, the operation
	 * that carries it.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, SubscriberSyncStatus> syncOf(Collection<UUID> subscriberIds) {
		if (subscriberIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, UUID> operationBySubscriber = new HashMap<>();
		for (Object[] row : this.operations.pendingSyncs(subscriberIds)) {
			operationBySubscriber.put((UUID) row[0], (UUID) row[1]);
		}
		Map<UUID, RouterOperation> operations = new HashMap<>();
		this.operations.findAllById(new HashSet<>(operationBySubscriber.values()))
			.forEach((operation) -> operations.put(operation.id(), operation));
		Map<UUID, SubscriberSyncStatus> result = new HashMap<>();
		for (UUID subscriberId : subscriberIds) {
			RouterOperation operation = operations.get(operationBySubscriber.get(subscriberId));
			result.put(subscriberId, SubscriberSyncStatus.of(operation));
		}
		return result;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void progress(UUID id, int done, int failed) {
		get(id).progressed(done, failed, this.clock.instant());
	}

	/**
	 * Sets how many items an operation works on, for handlers that learn it only once
	 * they run (an import learns it from the router).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void expectItems(UUID id, int total) {
		get(id).expected(total, this.clock.instant());
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void succeed(UUID id, @Nullable String note) {
		get(id).succeeded(note, this.clock.instant());
	}

	/**
	 * A failed try of an operation that a newer one (queued while this one ran) has made
	 * redundant ends SUPERSEDED instead of being retried.
	 * @return whether it was superseded
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean supersededAfterTry(UUID id) {
		RouterOperation operation = get(id);
		if (operation.kind() != OperationKind.SYNC_SUBSCRIBER && operation.kind() != OperationKind.SYNC_PLAN) {
			return false;
		}
		Optional<UUID> newer = this.operations.newerThan(id);
		newer.ifPresent((newerId) -> operation.superseded(newerId, this.clock.instant()));
		return newer.isPresent();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void attemptFailed(UUID id, TryFailure failure, @Nullable Duration retryIn) {
		Instant now = this.clock.instant();
		RouterOperation operation = get(id);
		operation.attemptFailed(failure, (retryIn != null) ? now.plus(retryIn) : null, now);
		publishIfFailed(operation, now);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void routerUnavailable(UUID id, TryFailure failure, Duration retryIn) {
		Instant now = this.clock.instant();
		get(id).routerUnavailable(failure, now.plus(retryIn), now);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void gaveUpWaiting(UUID id, String code, String error) {
		RouterOperation operation = get(id);
		operation.gaveUpWaiting(code, error, this.clock.instant());
		publishIfFailed(operation, this.clock.instant());
	}

	/** Tells the other features (alerts, webhooks) that an operation failed for good. */
	private void publishIfFailed(RouterOperation operation, Instant now) {
		if (operation.status() != OperationStatus.FAILED) {
			return;
		}
		Map<String, String> data = new HashMap<>();
		data.put("kind", operation.kind().name());
		data.put("routerId", operation.routerId().toString());
		if (operation.subscriberId() != null) {
			data.put("subscriberId", operation.subscriberId().toString());
		}
		data.put("error", String.valueOf(operation.lastError()));
		data.put("summary", "Operation " + operation.kind() + " failed: " + operation.lastError());
		this.events.publishEvent(TenantEvent.of(TenantContext.require(), OPERATION_FAILED, operation.id().toString(),
				Actor.of(operation.requestedBy()), now, data));
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void handBack(UUID id, String where) {
		get(id).handedBack(where, this.clock.instant());
	}

	// --- alerts and self-healing (issue 11) ---

	/** FAILED operations, newest first, optionally of one router and of one kind. */
	@Transactional(readOnly = true)
	public List<RouterOperation> failed(@Nullable UUID routerId, @Nullable OperationKind kind, int limit) {
		return this.operations.findFailed(routerId, kind, Limit.of(limit));
	}

	/**
	 * Finds operations left RUNNING since before {@code notUpdatedSince} whose job no
	 * longer exists (their replica died in a way db-scheduler's dead-execution revival
	 * cannot see, for example after a database outage lost the end of a try) and
	 * schedules their job again now; claiming accepts a RUNNING operation, so it runs as
	 * a new try. Operations whose job still exists are left to db-scheduler (ADR 0040).
	 * @return the operations scheduled again
	 */
	public List<RouterOperation> rerunOrphaned(Instant notUpdatedSince, int limit) {
		String tenant = TenantContext.require().slug();
		List<RouterOperation> rerun = new ArrayList<>();
		for (RouterOperation operation : this.operations.findByStatusAndUpdatedAtBeforeOrderByUpdatedAtAsc(
				OperationStatus.RUNNING, notUpdatedSince, Limit.of(limit))) {
			TaskInstanceId job = TaskInstanceId.of(TASK.getTaskName(), tenant + ":" + operation.id());
			if (this.scheduler.getScheduledExecution(job).isEmpty()) {
				schedule(operation.id(), this.clock.instant());
				rerun.add(operation);
			}
		}
		return rerun;
	}

	private void schedule(UUID operationId, Instant when) {
		String tenant = TenantContext.require().slug();
		this.scheduler.scheduleIfNotExists(TASK.instance(tenant + ":" + operationId)
			.data(new OperationRef(tenant, operationId))
			.scheduledTo(when));
	}

}
