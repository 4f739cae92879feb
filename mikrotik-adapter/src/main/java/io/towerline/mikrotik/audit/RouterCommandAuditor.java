package io.towerline.mikrotik.audit;

import java.util.List;

/**
 * Receives every command twice: before it is written to the router (its intent), and
 * after it finished or failed (its outcome). Called on the caller's thread.
 * <p>
 * The intent is what makes "every command sent to a router is in the log" survive a
 * crash: an implementation records it durably before returning, and when it cannot, it
 * throws and the commands are not sent (the exception reaches the caller). Outcomes are
 * best effort: an auditor that throws on one is logged and otherwise ignored, auditing
 * never changes the outcome of a router operation, and the intent stays on record with
 * its outcome unknown.
 */
@FunctionalInterface
public interface RouterCommandAuditor {

	/** Discards everything; the default when the platform wires none. */
	RouterCommandAuditor NONE = (command) -> {
	};

	/**
	 * The commands are about to be sent (one, or a pipelined batch at once). Must return
	 * only once they are recorded.
	 */
	default void commandsSending(List<CommandIntent> commands) {
	}

	void commandCompleted(AuditedCommand command);

	/**
	 * Whether reads sent now (on the caller's thread) may go unrecorded: routine,
	 * periodic reads such as a session tracker's, which would otherwise flood the log
	 * with rows nobody reads. Writes and stream openings are always recorded.
	 */
	default boolean omitsReadsNow() {
		return false;
	}

	/** The outcomes of a pipelined batch, together. */
	default void commandsCompleted(List<AuditedCommand> commands) {
		commands.forEach(this::commandCompleted);
	}

}
