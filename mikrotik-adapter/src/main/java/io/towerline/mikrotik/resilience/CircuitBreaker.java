package io.towerline.mikrotik.resilience;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;

/**
 * One router's breaker. After {@code failureThreshold} consecutive transport failures
 * (unreachable, timeout, protocol, login) it opens and refuses calls at once for
 * {@code openDuration}, so jobs for a dead router fail fast instead of each waiting for a
 * connect timeout. Then it lets one trial call through (half-open): success closes it,
 * failure opens it again. A {@code !trap} proves the router is alive and counts as
 * success.
 */
public final class CircuitBreaker {

	public enum State {

		CLOSED, OPEN, HALF_OPEN

	}

	private final String router;

	private final int failureThreshold;

	private final Duration openDuration;

	private final InstantSource clock;

	private State state = State.CLOSED;

	private int consecutiveFailures;

	private Instant openedAt = Instant.EPOCH;

	private boolean trialInFlight;

	public CircuitBreaker(String router, int failureThreshold, Duration openDuration, InstantSource clock) {
		this.router = router;
		this.failureThreshold = failureThreshold;
		this.openDuration = openDuration;
		this.clock = clock;
	}

	/**
	 * Call before every router call.
	 * @throws RouterUnreachableException with {@link Reason#CIRCUIT_OPEN} while open
	 */
	public synchronized void acquire() {
		if (this.state == State.OPEN && !this.clock.instant().isBefore(this.openedAt.plus(this.openDuration))) {
			this.state = State.HALF_OPEN;
			this.trialInFlight = false;
		}
		if (this.state == State.OPEN || (this.state == State.HALF_OPEN && this.trialInFlight)) {
			throw new RouterUnreachableException(
					this.router, Reason.CIRCUIT_OPEN, "circuit open after " + this.consecutiveFailures
							+ " consecutive failures; calls refused until " + this.openedAt.plus(this.openDuration),
					null);
		}
		if (this.state == State.HALF_OPEN) {
			this.trialInFlight = true;
		}
	}

	/**
	 * The call allowed by {@link #acquire()} was not made (nothing reached the router):
	 * neither a success nor a failure, and a half-open trial is free again.
	 */
	public synchronized void release() {
		if (this.state == State.HALF_OPEN) {
			this.trialInFlight = false;
		}
	}

	public synchronized void recordSuccess() {
		this.consecutiveFailures = 0;
		this.state = State.CLOSED;
		this.trialInFlight = false;
	}

	public synchronized void recordFailure() {
		this.consecutiveFailures++;
		if (this.state == State.HALF_OPEN || this.consecutiveFailures >= this.failureThreshold) {
			this.state = State.OPEN;
			this.openedAt = this.clock.instant();
			this.trialInFlight = false;
		}
	}

	public synchronized State state() {
		return this.state;
	}

}
