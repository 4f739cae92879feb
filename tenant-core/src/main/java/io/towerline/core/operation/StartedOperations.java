package io.towerline.core.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The operations a change enqueued, whoever enqueued them: the change's own service or
 * the listeners of the events it published (a plan's edit reaches its routers through
 * {@code PlanChanged}), so a mutation can hand back every operation it started without
 * knowing who starts them (ADR 0260). Bound to the calling thread, like the transaction
 * the operations are enqueued in; a recording inside another adds to the outer one too.
 */
public final class StartedOperations {

	private static final ThreadLocal<@Nullable List<RouterOperation>> RECORDING = new ThreadLocal<>();

	private StartedOperations() {
	}

	/**
	 * Runs {@code change} and returns what it returned with the operations it enqueued,
	 * in enqueue order. Run it around the change's transaction, so that the operations
	 * returned are committed; a change that throws reports none.
	 */
	public static <T> Started<T> during(Supplier<T> change) {
		List<RouterOperation> outer = RECORDING.get();
		List<RouterOperation> started = new ArrayList<>();
		RECORDING.set(started);
		try {
			T result = change.get();
			return new Started<>(result, List.copyOf(started));
		}
		finally {
			if (outer != null) {
				outer.addAll(started);
				RECORDING.set(outer);
			}
			else {
				RECORDING.remove();
			}
		}
	}

	/** Notes an operation just enqueued, when a recording is under way on this thread. */
	static void enqueued(RouterOperation operation) {
		List<RouterOperation> started = RECORDING.get();
		if (started != null) {
			started.add(operation);
		}
	}

	/**
	 * What a change returned and the operations it started.
	 *
	 * @param result the change's result
	 * @param operations the operations it enqueued, in order
	 * @param <T> the result's type
	 */
	public record Started<T>(T result, List<RouterOperation> operations) {

	}

}
