package io.towerline.mikrotik.client;

import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;

/**
 * One router's breaker, a Resilience4j {@link CircuitBreaker} (docs/adr/0107) seen in the
 * adapter's terms. After {@code failureThreshold} consecutive transport failures
 * (unreachable, timeout, protocol, login) it opens and refuses calls at once for
 * {@code openDuration}, so jobs for a dead router fail fast instead of each waiting for a
 * connect timeout. Then it lets one trial call through (half-open): success closes it,
 * failure opens it again. What counts as a failure is decided by the caller: a
 * {@code !trap} proves the router is alive and is recorded as a success.
 */
final class RouterCircuitBreaker {

	private final CircuitBreaker breaker;

	RouterCircuitBreaker(CircuitBreaker breaker) {
		this.breaker = breaker;
	}

	/**
	 * The breaker configuration for these settings. "N consecutive failures" is a
	 * count-based window of N calls that must all fail; slowness is left to the command
	 * timeout, so a slow call never counts.
	 */
	static CircuitBreakerConfig config(int failureThreshold, Duration openDuration, InstantSource clock) {
		return CircuitBreakerConfig.custom()
			.slidingWindow(failureThreshold, failureThreshold, SlidingWindowType.COUNT_BASED)
			.failureRateThreshold(100)
			.slowCallRateThreshold(100)
			.slowCallDurationThreshold(Duration.ofDays(1))
			.waitDurationInOpenState(openDuration)
			.permittedNumberOfCallsInHalfOpenState(1)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.clock(clock.withZone(ZoneOffset.UTC))
			.build();
	}

	/**
	 * Call before every router call.
	 * @throws RouterUnreachableException with {@link Reason#CIRCUIT_OPEN} while open, or
	 * while half-open with its trial call in flight
	 */
	void acquire() {
		if (!this.breaker.tryAcquirePermission()) {
			throw new RouterUnreachableException(this.breaker.getName(), Reason.CIRCUIT_OPEN,
					"circuit " + this.breaker.getState() + " after "
							+ this.breaker.getMetrics().getNumberOfFailedCalls()
							+ " consecutive failures; calls refused until a trial call succeeds",
					null);
		}
	}

	/**
	 * The call allowed by {@link #acquire()} was not made or its failure was already
	 * counted: neither a success nor a failure, and a half-open trial is free again.
	 */
	void release() {
		this.breaker.releasePermission();
	}

	void recordSuccess(long elapsedNanos) {
		this.breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
	}

	void recordFailure(long elapsedNanos, RouterException failure) {
		this.breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, failure);
	}

	State state() {
		return this.breaker.getState();
	}

}
