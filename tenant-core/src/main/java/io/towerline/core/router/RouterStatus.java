package io.towerline.core.router;

/** A router's reachability as last observed by the health check. */
public enum RouterStatus {

	/** Not checked yet. */
	UNKNOWN,

	/** Answered the last check. */
	ONLINE,

	/** Could not be reached, timed out, or broke the protocol. */
	UNREACHABLE,

	/** Reachable, but refused the stored credentials. */
	AUTH_FAILED

}
