package io.towerline.core.health;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A router's health over one minute or one hour.
 *
 * @param at start of the minute or hour
 * @param samples how many samples it covers (1 for a minute)
 * @param reachableSamples how many of them found the router answering with its
 * credentials (the others found it unreachable or refusing them)
 * @param cpuLoad CPU load in percent (the average over an hour), when it answered
 * @param cpuLoadMax highest CPU load seen
 * @param freeMemoryPerMille lowest free memory seen, in per-mille of total
 * @param uptimeSeconds the router's uptime at the last sample
 */
public record HealthPoint(Instant at, int samples, int reachableSamples, @Nullable Integer cpuLoad,
		@Nullable Integer cpuLoadMax, @Nullable Integer freeMemoryPerMille, @Nullable Long uptimeSeconds) {

}
