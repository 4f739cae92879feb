package io.towerline.api.throttling;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * A bucket's size: it holds up to {@code capacity} points and regains
 * {@code restorePerSecond} points every second (smoothly) up to that capacity.
 *
 * @param capacity the most points a burst may spend
 * @param restorePerSecond the sustained points per second
 */
public record Allowance(long capacity, long restorePerSecond) {

	public Allowance {
		if (capacity < 1 || restorePerSecond < 1) {
			throw new IllegalArgumentException(
					"A rate-limit allowance needs capacity and restore-per-second of at least 1");
		}
	}

	/** This allowance scaled by {@code share}, never below one point. */
	Allowance share(double share) {
		return new Allowance(Math.max(1, Math.round(this.capacity * share)),
				Math.max(1, Math.round(this.restorePerSecond * share)));
	}

	Bandwidth bandwidth() {
		return Bandwidth.builder()
			.capacity(this.capacity)
			.refillGreedy(this.restorePerSecond, Duration.ofSeconds(1))
			.build();
	}

	BucketConfiguration configuration() {
		return BucketConfiguration.builder().addLimit(bandwidth()).build();
	}

	/**
	 * Part of every bucket key, so a changed tier or limit starts a bucket of the new
	 * size rather than carrying the old one's configuration.
	 */
	String fingerprint() {
		return this.capacity + "/" + this.restorePerSecond;
	}

}
