package io.towerline.mikrotik.interfaces;

/**
 * One {@code monitor-traffic} reading: rates over the last second, rx/tx oriented as in
 * {@link RouterInterface}.
 */
public record TrafficSample(String interfaceName, long rxBitsPerSecond, long txBitsPerSecond, long rxPacketsPerSecond,
		long txPacketsPerSecond) {

}
