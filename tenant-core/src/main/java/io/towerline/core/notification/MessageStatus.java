package io.towerline.core.notification;

/** Where a message in the outbox stands. */
public enum MessageStatus {

	/** Waiting for (another) delivery attempt. */
	QUEUED,

	/** The receiver accepted it. */
	SENT,

	/** Every attempt failed; {@code lastError} holds the receiver's last answer. */
	FAILED,

	/** Not sent: the recipient has no address for the channel (reported, not skipped). */
	UNDELIVERABLE,

	/** Not sent: the subscriber opted out of the channel. */
	OPTED_OUT

}
