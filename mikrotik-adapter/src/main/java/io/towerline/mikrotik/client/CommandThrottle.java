package io.towerline.mikrotik.client;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.towerline.mikrotik.RouterTimeoutException;

/**
 * A per-router command budget. Router CPUs are small and the API process is single;
 * community practice is a few calls per second for polling, more for bulk provisioning.
 * Callers wait for a token (cheap on virtual threads) up to a bound, then get a timeout
 * instead of queueing forever.
 */
final class CommandThrottle {

	private final String router;

	private final Bucket bucket;

	/**
	 * @param commandsPerSecond sustained rate
	 * @param burst how many commands may go at once after a quiet period
	 */
	CommandThrottle(String router, long commandsPerSecond, long burst) {
		this.router = router;
		this.bucket = Bucket.builder()
			.addLimit(
					Bandwidth.builder().capacity(burst).refillGreedy(commandsPerSecond, Duration.ofSeconds(1)).build())
			.build();
	}

	/**
	 * Takes one token, waiting up to {@code maxWait}.
	 * @throws RouterTimeoutException when the budget stays exhausted for {@code maxWait}
	 */
	void acquire(Duration maxWait) {
		try {
			boolean consumed = (maxWait.isZero() || maxWait.isNegative()) ? this.bucket.tryConsume(1)
					: this.bucket.asBlocking().tryConsume(1, maxWait);
			if (!consumed) {
				throw new RouterTimeoutException(this.router, "waiting for the router's command budget", maxWait);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RouterTimeoutException(this.router, "waiting for the router's command budget (interrupted)",
					maxWait);
		}
	}

	/** Tokens available now, for tests and metrics. */
	long available() {
		return this.bucket.getAvailableTokens();
	}

}
