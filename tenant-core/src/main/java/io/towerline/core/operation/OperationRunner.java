package io.towerline.core.operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.towerline.mikrotik.RouterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs one try of an operation with its tenant bound, and decides what comes next:
 * <ul>
 * <li>another operation on the same subscriber, secret or plan is running: look again
 * soon, nothing spent;</li>
 * <li>succeeded: done, and the router's waiting operations are woken, oldest first;</li>
 * <li>the router could not be used (down, breaker open, credentials refused, exchange
 * broken): no attempt spent; WAITING_FOR_ROUTER (or QUEUED for a broken exchange) with
 * the next try due, until the router-wait policy runs out (FAILED,
 * ROUTER_WAIT_EXPIRED);</li>
 * <li>the operation's own failure (command refused, platform error): one attempt spent,
 * backoff, FAILED when the attempts are used up;</li>
 * <li>the platform is shutting down (the handler stopped at a safe point, or the try
 * failed while being stopped): handed back, QUEUED and due at once, nothing spent, so
 * another replica or the next start resumes it.</li>
 * </ul>
 */
@Component
class OperationRunner {

	/** Code of an operation that waited longer than the router-wait policy allows. */
	static final String ROUTER_WAIT_EXPIRED = "ROUTER_WAIT_EXPIRED";

	private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);

	private final ObjectProvider<RouterOperations> operations;

	private final Supplier<Map<OperationKind, OperationHandler>> handlers;

	private final OperationProperties properties;

	private final ObjectProvider<OperationPolicies> policies;

	private final Clock clock;

	OperationRunner(ObjectProvider<RouterOperations> operations, ObjectProvider<OperationHandler> handlers,
			OperationProperties properties, ObjectProvider<OperationPolicies> policies, Clock clock) {
		this.operations = operations;
		this.policies = policies;
		// the scheduler needs the task, and enqueuing needs the scheduler: resolve the
		// collaborators on first use
		this.handlers = SingletonSupplier.of(() -> {
			Map<OperationKind, OperationHandler> map = new EnumMap<>(OperationKind.class);
			handlers.orderedStream().forEach((handler) -> handler.kinds().forEach((kind) -> map.put(kind, handler)));
			return map;
		});
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Runs one try; the tenant must be bound.
	 * @return when to try again, or null when the operation is done (succeeded, failed
	 * for good, superseded or gone)
	 */
	@Nullable Duration run(UUID id, BooleanSupplier stopping) {
		try {
			return tryOnce(id, stopping);
		}
		catch (RuntimeException ex) {
			// recording the outcome failed (database hiccup, concurrent change): the
			// operation may still show RUNNING, so look again soon instead of leaving it
			// to the scheduler's failure handling; a claim accepts an operation's own
			// RUNNING row
			log.warn("Operation {} could not record its try, trying again: {}", id, ex.toString());
			return this.properties.busyBackoff();
		}
	}

	private @Nullable Duration tryOnce(UUID id, BooleanSupplier stopping) {
		RouterOperations operations = this.operations.getObject();
		Claim claim = operations.claim(id);
		if (claim.outcome() == Claim.Outcome.DONE) {
			return null;
		}
		if (claim.outcome() == Claim.Outcome.BUSY || claim.operation() == null) {
			return this.properties.busyBackoff();
		}
		RouterOperation operation = claim.operation();
		try {
			OperationHandler handler = this.handlers.get().get(operation.kind());
			if (handler == null) {
				throw new IllegalStateException("No handler for " + operation.kind());
			}
			String note = handler.run(operation, new OperationHandler.Progress() {

				@Override
				public void update(int done, int failed) {
					operations.progress(id, done, failed);
				}

				@Override
				public boolean handBackRequested() {
					return stopping.getAsBoolean();
				}

			});
			operations.succeed(id, note);
			operations.wakeWaiting(operation.routerId());
			return null;
		}
		catch (RuntimeException ex) {
			if (ex instanceof OperationHandedBack || stopping.getAsBoolean()) {
				String where = (ex instanceof OperationHandedBack) ? ex.getMessage() : ex.toString();
				operations.handBack(id, where);
				log.info("Operation {} handed back at shutdown: {}", id, where);
				return Duration.ZERO;
			}
			TryFailure failure = TryFailure.of(ex);
			if (!(ex instanceof RouterException)) {
				log.debug("Failure of operation {}", id, ex);
			}
			if (operations.supersededAfterTry(id)) {
				return null;
			}
			return (failure.kind() == TryFailure.Kind.OWN) ? attemptFailed(operations, operation, failure)
					: routerUnavailable(operations, operation, failure);
		}
	}

	private @Nullable Duration attemptFailed(RouterOperations operations, RouterOperation operation,
			TryFailure failure) {
		int attempts = operation.attempts() + 1;
		Duration retryIn = (attempts >= this.properties.maxAttempts()) ? null : this.properties.backoff(attempts);
		operations.attemptFailed(operation.id(), failure, retryIn);
		if (retryIn == null) {
			log.warn("Operation {} failed for good after {} attempts: {}", operation.id(), attempts,
					failure.describe());
		}
		else {
			log.info("Operation {} attempt {} failed, retrying in {}: {}", operation.id(), attempts, retryIn,
					failure.describe());
		}
		return retryIn;
	}

	private @Nullable Duration routerUnavailable(RouterOperations operations, RouterOperation operation,
			TryFailure failure) {
		Instant now = this.clock.instant();
		Instant since = (operation.waitingSince() != null) ? operation.waitingSince() : now;
		Duration routerWait = this.policies.getObject().routerWait();
		Instant deadline = since.plus(routerWait);
		if (!now.isBefore(deadline)) {
			String error = ROUTER_WAIT_EXPIRED + ": the router could not be used for longer than " + routerWait
					+ " (since " + since + "); last error: " + failure.describe();
			operations.gaveUpWaiting(operation.id(), ROUTER_WAIT_EXPIRED, error);
			log.warn("Operation {} stopped waiting for its router: {}", operation.id(), failure.describe());
			return null;
		}
		Duration retryIn = this.properties.unavailableBackoff(operation.unreachableTries() + 1);
		Duration left = Duration.between(now, deadline);
		if (retryIn.compareTo(left) > 0) {
			retryIn = left;
		}
		operations.routerUnavailable(operation.id(), failure, retryIn);
		// one line when the wait starts; a router down for days would otherwise log one
		// line per operation per try
		if (operation.unreachableTries() == 0) {
			log.info("Operation {} could not use its router, next try in {}: {}", operation.id(), retryIn,
					failure.describe());
		}
		else {
			log.debug("Operation {} still cannot use its router (try {}): {}", operation.id(),
					operation.unreachableTries() + 1, failure.describe());
		}
		return retryIn;
	}

}
