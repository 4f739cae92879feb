package io.towerline.mikrotik.system;

import java.time.Duration;

import io.towerline.mikrotik.RouterOsVersion;

/**
 * {@code /system/resource}: the router's release, uptime and load. Memory and disk are in
 * bytes.
 *
 * @param cpuLoad percent over the last second
 */
public record SystemResource(RouterOsVersion version, Duration uptime, int cpuLoad, int cpuCount, long freeMemory,
		long totalMemory, long freeHddSpace, long totalHddSpace, String architecture, String boardName) {

}
