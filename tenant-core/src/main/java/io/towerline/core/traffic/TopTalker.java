package io.towerline.core.traffic;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A PPPoE session among the busiest right now (rx = the subscriber's upload, tx = its
 * download, averaged over the snapshot window).
 *
 * @param subscriberId the platform's subscriber of that username, null when the router
 * has a session the platform does not manage
 */
public record TopTalker(UUID routerId, String username, @Nullable UUID subscriberId, long rxBitsPerSecond,
		long txBitsPerSecond, long rxPacketsPerSecond, long txPacketsPerSecond) {

	long totalBitsPerSecond() {
		return this.rxBitsPerSecond + this.txBitsPerSecond;
	}

}
