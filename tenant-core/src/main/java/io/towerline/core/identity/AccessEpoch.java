package io.towerline.core.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The moment a principal's access last changed ({@code tokens_valid_after}), used as an
 * epoch: every token carries the epoch it was minted under and is honoured only while the
 * principal's epoch is still that one. Epochs have the database's precision
 * (microseconds) and strictly increase, so two changes never share one, whatever the
 * clock does.
 */
public final class AccessEpoch {

	private AccessEpoch() {
	}

	/** The epoch after {@code previous} for a change made at {@code now}. */
	static Instant next(Instant previous, Instant now) {
		Instant candidate = now.truncatedTo(ChronoUnit.MICROS);
		return candidate.isAfter(previous) ? candidate : previous.plus(1, ChronoUnit.MICROS);
	}

	/** The epoch as carried in a token: microseconds since 1970. */
	public static long claimValue(Instant epoch) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, epoch);
	}

}
