package io.towerline.core.traffic;

/**
 * One interface's average rates over a snapshot window (rx/tx as the router sees them).
 */
record InterfaceRate(String name, long rxBitsPerSecond, long txBitsPerSecond, long rxPacketsPerSecond,
		long txPacketsPerSecond) {

	long totalBitsPerSecond() {
		return this.rxBitsPerSecond + this.txBitsPerSecond;
	}

	/** The PPPoE username of a {@code <pppoe-NAME>} interface. */
	String username() {
		return this.name.substring("<pppoe-".length(), this.name.length() - 1);
	}

}
