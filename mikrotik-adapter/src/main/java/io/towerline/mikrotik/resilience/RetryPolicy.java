package io.towerline.mikrotik.resilience;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.towerline.mikrotik.RouterException;

/**
 * Retries for reads only: a {@code print} has no side effect, so repeating it after a
 * broken connection or a timeout is safe. Writes are never retried here; the platform's
 * durable jobs retry them with idempotent look-up-then-set logic. Backoff is exponential
 * with full jitter so that many jobs do not hit a recovering router in lock-step.
 *
 * @param maxAttempts attempts in total, at least 1
 * @param initialBackoff the cap of the first wait
 * @param maxBackoff the cap of any wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

	public static RetryPolicy none() {
		return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
	}

	/**
	 * Whether attempt {@code attempt} (1-based) that failed with {@code failure} should
	 * be repeated.
	 */
	public boolean shouldRetry(boolean read, RouterException failure, int attempt) {
		return read && attempt < this.maxAttempts && failure.isTransient();
	}

	/** How long to wait before attempt {@code attempt + 1}. */
	public Duration backoff(int attempt) {
		long cap = Math.min(this.maxBackoff.toMillis(), this.initialBackoff.toMillis() << Math.min(attempt - 1, 20));
		return (cap <= 0) ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
	}

}
