package io.towerline.mikrotik.simulator;

/**
 * The counters of one interface (full 64-bit totals; the width a router shows is applied
 * when printing) and the rate RouterOS's {@code monitor-traffic =once=} reports: the
 * movement during the last complete window of one nominal second (the simulator's monitor
 * interval), so a quiet interface reads 0 and one {@code addTraffic} shows up in exactly
 * one window.
 */
final class TrafficMeter {

	private final long windowNanos;

	private long rxBytes;

	private long txBytes;

	private long rxPackets;

	private long txPackets;

	private long window;

	private long windowRxBytes;

	private long windowTxBytes;

	private long windowRxPackets;

	private long windowTxPackets;

	private TrafficCounters lastWindow = TrafficCounters.ZERO;

	TrafficMeter(long windowNanos, long nowNanos) {
		this.windowNanos = Math.max(1, windowNanos);
		this.window = nowNanos / this.windowNanos;
	}

	synchronized void add(long rxBytes, long txBytes, long rxPackets, long txPackets, long nowNanos) {
		roll(nowNanos);
		this.rxBytes += rxBytes;
		this.txBytes += txBytes;
		this.rxPackets += rxPackets;
		this.txPackets += txPackets;
	}

	synchronized TrafficCounters counters() {
		return new TrafficCounters(this.rxBytes, this.txBytes, this.rxPackets, this.txPackets);
	}

	/** Bytes and packets moved in the last complete window. */
	synchronized TrafficCounters lastWindow(long nowNanos) {
		roll(nowNanos);
		return this.lastWindow;
	}

	long windowNanos() {
		return this.windowNanos;
	}

	private void roll(long nowNanos) {
		long current = nowNanos / this.windowNanos;
		if (current == this.window) {
			return;
		}
		// every movement since the window started happened inside it: add() rolls first
		this.lastWindow = (current == this.window + 1)
				? new TrafficCounters(this.rxBytes - this.windowRxBytes, this.txBytes - this.windowTxBytes,
						this.rxPackets - this.windowRxPackets, this.txPackets - this.windowTxPackets)
				: TrafficCounters.ZERO;
		this.window = current;
		this.windowRxBytes = this.rxBytes;
		this.windowTxBytes = this.txBytes;
		this.windowRxPackets = this.rxPackets;
		this.windowTxPackets = this.txPackets;
	}

}
