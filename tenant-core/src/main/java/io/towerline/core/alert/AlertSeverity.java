package io.towerline.core.alert;

/** How urgent an alert is. */
public enum AlertSeverity {

	/** Worth knowing. */
	INFO,

	/** Needs a look soon. */
	WARNING,

	/** Subscribers are or will be affected. */
	CRITICAL

}
