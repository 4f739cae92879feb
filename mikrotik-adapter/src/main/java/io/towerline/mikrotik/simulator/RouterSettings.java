package io.towerline.mikrotik.simulator;

import java.time.Clock;
import java.time.Duration;

/**
 * What a simulated router is fixed with at start.
 *
 * @param monitorInterval how often a streaming {@code monitor-traffic} reports; also the
 * "second" its rates are measured over
 * @param counterBits width of the interface counters, 32 or 64
 * @param clock wall-clock time for dates and the daily traffic curve (uptimes use the
 * monotonic clock)
 */
record RouterSettings(SimulatorVersion version, String identity, Duration monitorInterval, int counterBits,
		Clock clock) {

	RouterSettings {
		checkCounterBits(counterBits);
	}

	static int checkCounterBits(int bits) {
		if (bits != 32 && bits != 64) {
			throw new IllegalArgumentException("interface counters are 32 or 64 bits wide, not " + bits);
		}
		return bits;
	}

}
