package io.towerline.core.operation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enqueues operations in the caller's transaction (the desired state and its job commit
 * together or not at all), and records their progress in transactions of their own.
 */
@Service
@Transactional
public class RouterOperations {

	/**
	 * The db-scheduler task that runs operations; the instance id is
	 * {@code <tenant>:<operation id>}.
	 */
	static final TaskDescriptor<OperationRef> TASK = TaskDescriptor.of("router-operation", OperationRef.class);

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "id");

	private final OperationRepository operations;

	private final SchedulerClient scheduler;

	private final Clock clock;

	RouterOperations(OperationRepository operations, SchedulerClient scheduler, Clock clock) {
		this.operations = operations;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * Records the operation and schedules its job, both inside the current transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public RouterOperation enqueue(OperationRequest request) {
		RouterOperation operation = this.operations.save(new RouterOperation(request, this.clock.instant()));
		schedule(operation.id(), this.clock.instant());
		return operation;
	}

	/** Enqueues several operations in the current transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<RouterOperation> enqueueAll(List<OperationRequest> requests) {
		return requests.stream().map(this::enqueue).toList();
	}

	@Transactional(readOnly = true)
	public RouterOperation get(UUID id) {
		return this.operations.findById(id).orElseThrow(() -> new NotFoundException("Operation", id));
	}

	@Transactional(readOnly = true)
	public Optional<RouterOperation> find(UUID id) {
		return this.operations.findById(id);
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

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	RouterOperation start(UUID id) {
		RouterOperation operation = get(id);
		operation.started(this.clock.instant());
		return operation;
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

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void fail(UUID id, String error, boolean final_) {
		get(id).attemptFailed(error, final_, this.clock.instant());
	}

	private void schedule(UUID operationId, Instant when) {
		String tenant = TenantContext.require().slug();
		this.scheduler.scheduleIfNotExists(TASK.instance(tenant + ":" + operationId)
			.data(new OperationRef(tenant, operationId))
			.scheduledTo(when));
	}

}
