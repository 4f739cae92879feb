package io.towerline.mikrotik.simulator;

import java.util.Locale;

/**
 * One online PPPoE session, kept small because a fleet benchmark holds 200,000 of them:
 * everything {@code /ppp/active} shows besides the name is derived from the name, the
 * counters live in one {@link TrafficMeter}, and the background traffic profile is two
 * floats.
 */
final class OnlineSession {

	private final String name;

	private String activeId = "";

	private final int interfaceNumber;

	private final long upNanos;

	private final long upAtEpochSecond;

	private final TrafficMeter meter;

	private final float downloadBytesPerSecond;

	private final float uploadShare;

	/** Position in the owner's list for O(1) random picks; guarded by the owner. */
	int index;

	OnlineSession(String name, int interfaceNumber, long upNanos, long upAtEpochSecond, TrafficMeter meter,
			float downloadBytesPerSecond, float uploadShare) {
		this.name = name;
		this.interfaceNumber = interfaceNumber;
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
		return "*" + Integer.toHexString(this.interfaceNumber).toUpperCase(Locale.ROOT);
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

	/**
	 * A stable number per subscriber from which MAC, address and session id derive.
	 */
	int seed() {
		return this.name.hashCode() & 0x7FFFFFFF;
	}

	String callerId() {
		int seed = seed();
		return String.format(Locale.ROOT, "02:00:%02X:%02X:%02X:%02X", (seed >> 24) & 0xFF, (seed >> 16) & 0xFF,
				(seed >> 8) & 0xFF, seed & 0xFF);
	}

	String address() {
		int seed = seed();
		return "10." + ((seed >> 16) & 0xFF) + "." + ((seed >> 8) & 0xFF) + "." + ((seed & 0xFD) | 2);
	}

	String sessionId() {
		return "0x" + Integer.toHexString(0x81000000 | (seed() & 0xFFFFFF)).toUpperCase(Locale.ROOT);
	}

}
