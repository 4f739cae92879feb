package io.towerline.core.router;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What a router says about itself when probed.
 *
 * @param identity the router's {@code /system/identity} name
 * @param version RouterOS version, e.g. {@code 7.16.2 (stable)}
 * @param board board name (model)
 * @param uptime time since boot
 * @param cpuLoad CPU load in percent
 * @param freeMemory free memory in bytes
 * @param totalMemory total memory in bytes
 */
record RouterFacts(String identity, String version, @Nullable String board, Duration uptime, int cpuLoad,
		long freeMemory, long totalMemory) {

}
