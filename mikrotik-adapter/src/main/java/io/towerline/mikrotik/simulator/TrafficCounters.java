package io.towerline.mikrotik.simulator;

/**
 * Byte and packet counters of one interface, oriented as RouterOS counts them on the
 * server side of a PPPoE session: rx is what the router received from the subscriber
 * (upload), tx what it sent to the subscriber (download).
 */
public record TrafficCounters(long rxBytes, long txBytes, long rxPackets, long txPackets) {

	public static final TrafficCounters ZERO = new TrafficCounters(0, 0, 0, 0);

	public TrafficCounters plus(TrafficCounters other) {
		return new TrafficCounters(this.rxBytes + other.rxBytes, this.txBytes + other.txBytes,
				this.rxPackets + other.rxPackets, this.txPackets + other.txPackets);
	}

	/** The counters a fixed-width register shows: the low {@code bits} bits. */
	TrafficCounters wrapped(int bits) {
		if (bits >= 64) {
			return this;
		}
		long mask = (1L << bits) - 1;
		return new TrafficCounters(this.rxBytes & mask, this.txBytes & mask, this.rxPackets & mask,
				this.txPackets & mask);
	}

}
