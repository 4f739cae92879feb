package io.towerline.core.drift;

/** What has been done about a drift item. */
public enum DriftItemState {

	/** Nothing yet. */
	OPEN,

	/** An operation was enqueued to make the router match the platform. */
	PUSHED,

	/** The platform's record was made to match the router. */
	ADOPTED,

	/** Staff chose to live with it; later checks keep it ignored until un-ignored. */
	IGNORED

}
