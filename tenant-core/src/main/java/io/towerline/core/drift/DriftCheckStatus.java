package io.towerline.core.drift;

/** Whether a drift check could compare at all. */
public enum DriftCheckStatus {

	/** The router answered and the report lists every difference. */
	COMPLETED,

	/** The router could not be read; the report carries the error and no items. */
	FAILED

}
