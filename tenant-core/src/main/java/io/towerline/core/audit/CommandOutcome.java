package io.towerline.core.audit;

/**
 * How a command sent to a router ended, as the command log records it: the adapter's
 * three outcomes, and UNKNOWN for a command whose intent is on record but whose answer
 * never was (the platform stopped in between).
 */
public enum CommandOutcome {

	/** The router did what was asked. */
	SUCCEEDED,

	/** The router refused the command (a {@code !trap}). */
	REJECTED,

	/** No answer: the connection failed or timed out. */
	FAILED,

	/** Only the intent is on record; the command may or may not have been applied. */
	UNKNOWN

}
