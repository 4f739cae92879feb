package io.towerline.core.lifecycle;

/** Where a subscriber with an expiry stands in the lifecycle flow. */
public enum LifecycleState {

	/** Paid up (notices may go out before the expiry). */
	ACTIVE,

	/** Expired and within the grace days: served on the grace plan. */
	GRACE,

	/** Past expiry and grace: cut off as the policy's suspension mode says. */
	SUSPENDED

}
