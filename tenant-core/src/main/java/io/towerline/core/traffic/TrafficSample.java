package io.towerline.core.traffic;

import java.time.Instant;

/**
 * One second of an interface's traffic as the router measured it. rx is what the router
 * received (for a {@code <pppoe-NAME>} interface: the subscriber's upload), tx what it
 * sent (the download).
 *
 * @param at when the platform received the reading from the router
 */
public record TrafficSample(Instant at, long rxBitsPerSecond, long txBitsPerSecond, long rxPacketsPerSecond,
		long txPacketsPerSecond) implements TrafficEvent {

}
