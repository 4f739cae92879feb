package io.towerline.core.operation;

/** Whether a subscriber's latest accepted change is on its router. */
public enum SyncState {

	/** The router holds the subscriber's latest state. */
	IN_SYNC,

	/** An operation carrying the latest change is queued or running. */
	PENDING,

	/** The operation carrying the latest change waits for the router. */
	WAITING_FOR_ROUTER,

	/**
	 * The operation carrying the latest change failed (or failed for this subscriber);
	 * the router may hold an older state.
	 */
	FAILED

}
