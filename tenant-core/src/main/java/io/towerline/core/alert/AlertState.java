package io.towerline.core.alert;

/** Where an alert is in its life. */
public enum AlertState {

	/** The condition holds and nobody has taken it on. */
	OPEN,

	/** Someone has taken it on; it still resolves by itself when the condition clears. */
	ACKNOWLEDGED,

	/** The condition cleared (or its rule went away). Final. */
	RESOLVED

}
