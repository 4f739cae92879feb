package io.towerline.core.session;

/** How a session ended, as far as the platform can tell. */
public enum SessionEndReason {

	/** Kicked through the platform ({@code disconnectSession}). */
	KICKED,

	/** The subscriber was disabled or suspended when the session ended. */
	DISABLED,

	/** The router restarted (its uptime went back). */
	ROUTER_REBOOTED,

	/**
	 * Gone when the router was next reached after being unreachable; it ended some time
	 * after it was last seen.
	 */
	ROUTER_UNREACHABLE,

	/** Anything else: the subscriber hung up, the line dropped; RouterOS does not say. */
	UNKNOWN

}
