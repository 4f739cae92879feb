package io.towerline.core.subscriber;

/**
 * Where a subscriber with an expiry stands in the lifecycle flow. The lifecycle feature
 * moves subscribers between these states; the type lives here so the subscriber list can
 * be narrowed by it without the two features depending on each other (ADR 0254).
 */
public enum LifecycleState {

	/** Paid up (notices may go out before the expiry). */
	ACTIVE,

	/** Expired and within the grace days: served on the grace plan. */
	GRACE,

	/** Past expiry and grace: cut off as the policy's suspension mode says. */
	SUSPENDED

}
