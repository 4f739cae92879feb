package io.towerline.api.bench;

import java.time.Instant;

/**
 * One search as the fleet benchmark timed it, on the wall clock the database samples and
 * the flight recording use.
 *
 * @param start when the request started
 * @param nanos how long it took
 * @param thread what the requesting thread's scheduler account did meanwhile (MockMvc
 * serves the request on it)
 * @param backends the same summed over PostgreSQL's processes
 */
record TimedSearch(Instant start, long nanos, Schedstat thread, Schedstat backends) {

	Instant end() {
		return this.start.plusNanos(this.nanos);
	}

	boolean overlaps(Instant from, Instant to) {
		return from.isBefore(end()) && to.isAfter(this.start);
	}

}
