package io.towerline.core.tenantmove;

/**
 * Where a move stands; each is written after its work is done, so a restarted job goes on
 * with the next.
 */
public enum TenantMoveStep {

	/** Recorded; nothing changed yet. */
	REQUESTED,

	/**
	 * The tenant refuses writes; every replica has seen it once the catalog TTL passed.
	 */
	WINDOW_OPEN,

	/**
	 * The schema is on the target cluster, every table's digest equal to the source's.
	 */
	COPIED,

	/** The catalog names the target cluster; still read-only. */
	SWITCHED,

	/** Writes are accepted again, on the target. */
	WINDOW_CLOSED,

	/** The old copy is dropped. */
	DONE,

	/** The copy failed: the target copy is dropped, the tenant stayed and is writable. */
	ROLLED_BACK;

	boolean finished() {
		return this == DONE || this == ROLLED_BACK;
	}

}
