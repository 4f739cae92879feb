package io.towerline.mikrotik.audit;

/**
 * Receives every command after it finished (or failed). Called on the caller's thread;
 * implementations should be quick (append to a queue or a log). An auditor that throws is
 * logged and otherwise ignored: auditing never changes the outcome of a router operation.
 */
@FunctionalInterface
public interface RouterCommandAuditor {

	/** Discards everything; the default when the platform wires none. */
	RouterCommandAuditor NONE = (command) -> {
	};

	void commandCompleted(AuditedCommand command);

}
