package io.towerline.mikrotik.simulator;

import java.util.Locale;

/**
 * One online PPPoE session, kept small because a fleet benchmark holds 200,000 of them:
 * everything {@code /ppp/active} shows derives from the name (the MAC, stable per
 * subscriber) or from the session's number since boot (address from the pool, session id,
 * interface id), the counters live in one {@link TrafficMeter}, and the background
 * traffic profile is two floats.
 */
final class OnlineSession {

	private final String name;

	private String activeId = "";

	private final int number;

	private final long upNanos;

	private final long upAtEpochSecond;

	private final TrafficMeter meter;

	private final float downloadBytesPerSecond;

	private final float uploadShare;

	/** Position in the owner's list for O(1) random picks; guarded by the owner. */
	int index;

	OnlineSession(String name, int number, long upNanos, long upAtEpochSecond, TrafficMeter meter,
			float downloadBytesPerSecond, float uploadShare) {
		this.name = name;
		this.number = number;
		this.upNanos = upNanos;
		this.upAtEpochSecond = upAtEpochSecond;
		this.meter = meter;
		this.downloadBytesPerSecond = downloadBytesPerSecond;
		this.uploadShare = uploadShare;
	}

	String name() {
		return this.name;
	}

	/** The {@code /ppp/active} {@code .id}; guarded by the owner. */
	String activeId() {
		return this.activeId;
	}

	void activeId(String activeId) {
		this.activeId = activeId;
	}

	/** The dynamic interface's {@code .id}, e.g. {@code *F00003}. */
	String interfaceId() {
		return "*" + Integer.toHexString(0xF00000 + this.number).toUpperCase(Locale.ROOT);
	}

	long upNanos() {
		return this.upNanos;
	}

	long upAtEpochSecond() {
		return this.upAtEpochSecond;
	}

	TrafficMeter meter() {
		return this.meter;
	}

	/** Average download rate of this subscriber at the daily peak, before noise. */
	float downloadBytesPerSecond() {
		return this.downloadBytesPerSecond;
	}

	/** Upload as a share of download. */
	float uploadShare() {
		return this.uploadShare;
	}

	/** The PPPoE client's MAC: the same subscriber always dials from the same CPE. */
	String callerId() {
		int seed = this.name.hashCode();
		return String.format(Locale.ROOT, "02:00:%02X:%02X:%02X:%02X", (seed >> 24) & 0xFF, (seed >> 16) & 0xFF,
				(seed >> 8) & 0xFF, seed & 0xFF);
	}

	/**
	 * The next free address of the pool 10.64.0.0/10 (no .0, .1 or .255), unique among
	 * the router's sessions.
	 */
	String address() {
		int second = 64 + this.number / (253 * 256);
		int third = (this.number / 253) % 256;
		return "10." + second + "." + third + "." + (2 + this.number % 253);
	}

	String sessionId() {
		return "0x" + Integer.toHexString(0x81000000 + this.number).toUpperCase(Locale.ROOT);
	}

}
