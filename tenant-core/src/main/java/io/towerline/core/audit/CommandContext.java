package io.towerline.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.mikrotik.audit.AuditedCommand;
import org.jspecify.annotations.Nullable;

/**
 * Who is talking to which router, and why, on the current thread. Router work opens a
 * context so that every command the adapter reports can be attributed; a buffered context
 * collects the entries and writes them in one batch.
 *
 * @param routerId the router
 * @param actor who asked: {@code user:<name>}, {@code client:<id>} or
 * {@code system:<job>}
 * @param operationId the operation this work belongs to, if any
 * @param subject the subscriber's user name when the work concerns one subscriber
 */
public record CommandContext(UUID routerId, String actor, @Nullable UUID operationId, @Nullable String subject) {

	private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

	/** Runs {@code work} in this context; entries are written as they come. */
	public <T> T call(Supplier<T> work) {
		Scope previous = CURRENT.get();
		CURRENT.set(new Scope(this, null));
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	/**
	 * Runs {@code work} in this context, collecting entries and writing them in one batch
	 * at the end.
	 */
	public <T> T callBuffered(Supplier<T> work, RouterCommandLog log) {
		Scope previous = CURRENT.get();
		Scope scope = new Scope(this, new ArrayList<>());
		CURRENT.set(scope);
		try {
			return work.get();
		}
		finally {
			restore(previous);
			log.writeAll(this, scope.buffer());
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

	record Scope(CommandContext context, @Nullable List<AuditedCommand> buffer) {

	}

}
