package io.towerline.core.traffic;

import java.time.Instant;
import java.util.UUID;

/**
 * A router's subscriber traffic now: the sum over its PPPoE sessions, averaged over a
 * short window. rx is the subscribers' upload, tx their download.
 *
 * @param measuredAt the end of the window
 * @param windowSeconds the window the rates are averaged over
 * @param sessions PPPoE sessions on the router at the end of the window
 */
public record RouterThroughput(UUID routerId, Instant measuredAt, double windowSeconds, int sessions,
		long rxBitsPerSecond, long txBitsPerSecond, long rxPacketsPerSecond, long txPacketsPerSecond) {

	static RouterThroughput of(UUID routerId, InterfaceRates rates) {
		long rxBits = 0;
		long txBits = 0;
		long rxPackets = 0;
		long txPackets = 0;
		for (InterfaceRate rate : rates.rates()) {
			rxBits += rate.rxBitsPerSecond();
			txBits += rate.txBitsPerSecond();
			rxPackets += rate.rxPacketsPerSecond();
			txPackets += rate.txPacketsPerSecond();
		}
		return new RouterThroughput(routerId, rates.measuredAt(), rates.windowSeconds(), rates.sessions(), rxBits,
				txBits, rxPackets, txPackets);
	}

}
