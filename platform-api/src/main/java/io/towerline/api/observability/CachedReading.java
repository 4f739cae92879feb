package io.towerline.api.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reading taken at most once per {@code maxAge}: every gauge of one scrape shares it,
 * and scrapes from several Prometheus servers do not multiply the queries. A failed
 * reading keeps the last good one (one log line).
 */
final class CachedReading<T> {

	private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

	private final Supplier<T> read;

	private final Duration maxAge;

	private final Clock clock;

	private @Nullable T value;

	private Instant takenAt = Instant.MIN;

	CachedReading(Supplier<T> read, Duration maxAge, Clock clock) {
		this.read = read;
		this.maxAge = maxAge;
		this.clock = clock;
	}

	synchronized @Nullable T get() {
		Instant now = this.clock.instant();
		if (this.value == null || !now.isBefore(this.takenAt.plus(this.maxAge))) {
			try {
				this.value = this.read.get();
				this.takenAt = now;
			}
			catch (RuntimeException ex) {
				log.warn("Reading a backlog metric failed ({}); keeping the last reading", ex.toString());
			}
		}
		return this.value;
	}

}
