package io.towerline.core.provisioning;

import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterCommandRejectedException.Rejection;

/**
 * Upserts from concurrent workers race: both look the name up, neither finds it, both
 * add, and the router refuses the second add as a duplicate. The item then exists, so
 * running the upsert once more finds it and sets it.
 */
final class ConcurrentUpsert {

	private ConcurrentUpsert() {
	}

	static void run(Runnable upsert) {
		try {
			upsert.run();
		}
		catch (RouterCommandRejectedException ex) {
			if (ex.rejection() != Rejection.DUPLICATE) {
				throw ex;
			}
			upsert.run();
		}
	}

}
