package io.towerline.core.operation;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retry and wait policy of router operations.
 *
 * @param maxAttempts attempts before an operation becomes FAILED (it can then be retried
 * by hand); only failures that are the operation's own spend one
 * @param initialBackoff wait after the first failed try
 * @param backoffFactor growth of the wait per further failure
 * @param maxBackoff longest wait between attempts
 * @param routerWait how long an operation waits for a router that is down or refuses its
 * credentials before it is FAILED with ROUTER_WAIT_EXPIRED
 * @param waitRetryInterval longest time between two tries while waiting for a router (a
 * router that answers again also wakes its waiting operations at once)
 * @param busyRetry when to look again at an operation whose subscriber or plan is being
 * changed by another operation right now
 */
@ConfigurationProperties("towerline.operations")
record OperationProperties(int maxAttempts, Duration initialBackoff, double backoffFactor, Duration maxBackoff,
		Duration routerWait, Duration waitRetryInterval, Duration busyRetry) {

	public OperationProperties {
		if (maxAttempts < 1) {
			maxAttempts = 8;
		}
		if (initialBackoff == null) {
			initialBackoff = Duration.ofSeconds(2);
		}
		if (backoffFactor < 1) {
			backoffFactor = 2.0;
		}
		if (maxBackoff == null) {
			maxBackoff = Duration.ofMinutes(5);
		}
		if (routerWait == null) {
			routerWait = Duration.ofDays(3);
		}
		if (waitRetryInterval == null) {
			waitRetryInterval = Duration.ofMinutes(1);
		}
		if (busyRetry == null) {
			busyRetry = Duration.ofMillis(250);
		}
	}

	/** Wait before the next attempt after {@code failures} consecutive failures. */
	Duration backoff(int failures) {
		double millis = this.initialBackoff.toMillis() * Math.pow(this.backoffFactor, Math.max(0, failures - 1));
		return Duration.ofMillis((long) Math.min(millis, this.maxBackoff.toMillis()));
	}

	/**
	 * When to look again at an operation whose subscriber or plan another operation is
	 * changing: the busy-retry, jittered up to twice that so that the operations queued
	 * behind a long one do not claim in lock-step.
	 */
	Duration busyBackoff() {
		long millis = this.busyRetry.toMillis();
		return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis + 1));
	}

	/**
	 * Wait before the next try after {@code tries} tries that did not get through to the
	 * router: growing like the backoff, never longer than the wait-retry interval, and
	 * jittered (half to all of it) so that a router's many operations do not return in
	 * lock-step.
	 */
	Duration unavailableBackoff(int tries) {
		long cap = Math.min(backoff(tries).toMillis(), this.waitRetryInterval.toMillis());
		return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
	}

}
