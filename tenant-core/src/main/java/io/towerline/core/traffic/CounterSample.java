package io.towerline.core.traffic;

import java.time.Instant;

import io.towerline.core.usage.Counters;

/**
 * An interface's counters as sampled at {@code at}, by a reader other than the snapshot
 * (the session trackers).
 */
record CounterSample(Counters counters, Instant at) {

}
