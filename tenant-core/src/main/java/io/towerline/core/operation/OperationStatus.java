package io.towerline.core.operation;

/**
 * Where an operation is. QUEUED, RUNNING and WAITING_FOR_ROUTER are in flight; SUCCEEDED,
 * FAILED and SUPERSEDED are final (FAILED until retried).
 */
public enum OperationStatus {

	/** Waiting for its next try. */
	QUEUED,

	/** Running now. */
	RUNNING,

	/**
	 * The router cannot be used right now (down, or refusing the stored credentials); the
	 * operation waits without spending attempts, up to the router-wait policy.
	 */
	WAITING_FOR_ROUTER,

	/** Done. */
	SUCCEEDED,

	/** Gave up: its attempts are used up, or the router stayed away too long. */
	FAILED,

	/**
	 * A newer operation for the same subscriber or plan was queued before this one ran;
	 * the newer one applies the latest state.
	 */
	SUPERSEDED;

	public boolean isFinal() {
		return this == SUCCEEDED || this == FAILED || this == SUPERSEDED;
	}

}
