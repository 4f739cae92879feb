package io.towerline.core.subscriber;

/** Where a subscriber stands. */
public enum SubscriberStatus {

	/** Created; not yet confirmed on the router. */
	PENDING,

	/** Can connect. */
	ACTIVE,

	/**
	 * Cut off by the suspension flow (for example unpaid); the secret is disabled on the
	 * router.
	 */
	SUSPENDED,

	/** Turned off by staff; the secret is disabled on the router. */
	DISABLED;

	/** Whether the router's secret should be enabled. */
	public boolean mayConnect() {
		return this == PENDING || this == ACTIVE;
	}

}
