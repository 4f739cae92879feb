package io.towerline.core.subscriber;

/** What a bulk request does to each subscriber it selects. */
public enum BulkAction {

	/** Status ACTIVE: the secret is enabled. */
	ENABLE,

	/** Status DISABLED (staff): the secret is disabled and the session ends. */
	DISABLE,

	/**
	 * Status SUSPENDED (for example unpaid): the secret is disabled and the session ends.
	 */
	SUSPEND,

	/** Another plan: the secret gets the plan's profile. */
	CHANGE_PLAN

}
