package io.towerline.core.lifecycle;

/** What suspension does on the router. */
public enum SuspensionMode {

	/** Disable the PPP secret and end the session. */
	DISABLE_SECRET,

	/**
	 * Keep the subscriber connected on the policy's suspended plan (its profile can put
	 * the session on an address list for a captive-portal redirect).
	 */
	SUSPENDED_PLAN

}
