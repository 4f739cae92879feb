package io.towerline.mikrotik.interfaces;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * An interface and its counters. For a {@code <pppoe-NAME>} interface, rx is what the
 * router received (the subscriber's upload) and tx what it sent (the download), the same
 * orientation as a profile's rate limit.
 *
 * @param lastLinkUpTime router-local time, or null when unknown
 */
public record RouterInterface(String id, String name, String type, boolean running, boolean disabled, boolean dynamic,
		long rxBytes, long txBytes, long rxPackets, long txPackets, @Nullable LocalDateTime lastLinkUpTime) {

}
