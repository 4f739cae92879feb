package io.towerline.core.traffic;

/** Why a watched interface has no readings right now. */
public enum TrafficInterruptionReason {

	/** The router cannot be reached (down, connection lost, circuit open). */
	ROUTER_UNREACHABLE,

	/** The router refused the platform's stored credentials. */
	ROUTER_AUTH_FAILED,

	/**
	 * The subscriber has no PPPoE session, so its {@code <pppoe-NAME>} interface does not
	 * exist.
	 */
	SUBSCRIBER_OFFLINE,

	/** The router has no interface of that name. */
	INTERFACE_NOT_FOUND

}
