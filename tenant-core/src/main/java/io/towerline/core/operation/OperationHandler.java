package io.towerline.core.operation;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Does the router work of some operation kinds. Runs with the operation's tenant bound.
 * Must be idempotent: a job may run again after a crash between the router applying a
 * command and the operation being marked done.
 */
public interface OperationHandler {

	/** The kinds this handler runs. */
	Set<OperationKind> kinds();

	/**
	 * Runs one attempt.
	 * @return a note to keep on the succeeded operation (for example how many items
	 * failed), or null
	 * @throws RuntimeException when the attempt failed and should be retried
	 */
	@Nullable String run(RouterOperation operation, Progress progress);

	/**
	 * Reports progress of long operations, and tells them when to hand their work back.
	 */
	interface Progress {

		/** Records how far the operation got (persisted at once, survives a crash). */
		void update(int done, int failed);

		/**
		 * True once the platform is shutting down. A long handler checks it between steps
		 * and, when set, throws {@link OperationHandedBack} after persisting what it
		 * finished: the operation is then queued again for now, to resume on another
		 * replica or the next start, without spending an attempt.
		 */
		default boolean handBackRequested() {
			return false;
		}

	}

}
