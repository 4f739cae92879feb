package io.towerline.core.operation;

import org.jspecify.annotations.Nullable;

/**
 * The result of trying to start an operation.
 *
 * @param outcome whether it may run now
 * @param operation the operation, marked RUNNING, when it may
 */
record Claim(Outcome outcome, @Nullable RouterOperation operation) {

	static final Claim DONE = new Claim(Outcome.DONE, null);

	static final Claim BUSY = new Claim(Outcome.BUSY, null);

	enum Outcome {

		/** Claimed: run it. */
		RUNNING,

		/**
		 * Another operation on the same subscriber, secret or plan runs: look again soon.
		 */
		BUSY,

		/** Gone, finished or superseded: nothing to run. */
		DONE

	}

}
