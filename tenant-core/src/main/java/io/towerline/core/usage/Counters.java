package io.towerline.core.usage;

/**
 * Byte and packet counts in both directions. For a session, rx is what the router
 * received (the subscriber's upload) and tx what it sent (the download).
 */
public record Counters(long rxBytes, long txBytes, long rxPackets, long txPackets) {

	public static final Counters ZERO = new Counters(0, 0, 0, 0);

	public Counters plus(Counters other) {
		return new Counters(this.rxBytes + other.rxBytes, this.txBytes + other.txBytes,
				this.rxPackets + other.rxPackets, this.txPackets + other.txPackets);
	}

	public boolean isZero() {
		return this.rxBytes == 0 && this.txBytes == 0 && this.rxPackets == 0 && this.txPackets == 0;
	}

}
