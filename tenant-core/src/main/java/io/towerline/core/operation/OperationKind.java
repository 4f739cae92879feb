package io.towerline.core.operation;

/**
 * What an operation does on its router. Every kind is idempotent: running it twice has
 * the effect of once.
 */
public enum OperationKind {

	/**
	 * Make the router's secret match one subscriber (create, change, disable, or remove
	 * when deleting).
	 */
	SYNC_SUBSCRIBER,

	/**
	 * Make the router's secrets match many subscribers, pipelined over one connection.
	 */
	SYNC_SUBSCRIBERS,

	/**
	 * Remove a secret by name and end its session (a subscriber moved to another router).
	 */
	REMOVE_SECRET,

	/** Make the router's PPP profile match a plan. */
	SYNC_PLAN,

	/** Remove a deleted plan's PPP profile from the router. */
	REMOVE_PROFILE,

	/**
	 * Take a router's profiles and secrets onto the platform (plans and subscribers),
	 * reading the router only; secrets already imported are skipped on a re-run.
	 */
	IMPORT_ROUTER,

	// live sessions (issue 9)
	/** End a subscriber's session on the router (kick); gone already counts as done. */
	DISCONNECT_SESSION

}
