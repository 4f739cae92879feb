package io.towerline.core.operation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retry policy of router operations.
 *
 * @param maxAttempts attempts before an operation becomes FAILED (it can then be retried
 * by hand)
 * @param initialBackoff wait after the first failed attempt
 * @param backoffFactor growth of the wait per further failure
 * @param maxBackoff longest wait between attempts
 */
@ConfigurationProperties("towerline.operations")
public record OperationProperties(int maxAttempts, Duration initialBackoff, double backoffFactor, Duration maxBackoff) {

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
	}

	/** Wait before the next attempt after {@code failures} consecutive failures. */
	Duration backoff(int failures) {
		double millis = this.initialBackoff.toMillis() * Math.pow(this.backoffFactor, Math.max(0, failures - 1));
		return Duration.ofMillis((long) Math.min(millis, this.maxBackoff.toMillis()));
	}

}
