package io.towerline.core.audit;

import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.actor.Actor;

import org.jspecify.annotations.Nullable;

/**
 * Who is talking to which router, and why, on the current thread. Router work opens a
 * context so that every command the adapter reports can be attributed.
 *
 * @param routerId the router
 * @param actor who asked
 * @param operationId the operation this work belongs to, if any
 * @param subject the subscriber's user name when the work concerns one subscriber
 */
public record CommandContext(UUID routerId, Actor actor, @Nullable UUID operationId, @Nullable String subject) {

	private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

	/**
	 * Runs {@code work} in this context; each command is on record before it is sent, its
	 * outcome after.
	 */
	public <T> T call(Supplier<T> work) {
		return call(work, false);
	}

	/**
	 * Runs {@code work} in this context as routine, periodic reading (a session tracker's
	 * re-read or counter sample): its reads are not recorded one by one, its writes and
	 * stream openings are (ADR 0132).
	 */
	public <T> T callRoutineReads(Supplier<T> work) {
		return call(work, true);
	}

	private <T> T call(Supplier<T> work, boolean routineReads) {
		Scope previous = CURRENT.get();
		CURRENT.set(new Scope(this, routineReads));
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	static @Nullable Scope current() {
		return CURRENT.get();
	}

	private static void restore(@Nullable Scope previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

	record Scope(CommandContext context, boolean routineReads) {

	}

}
