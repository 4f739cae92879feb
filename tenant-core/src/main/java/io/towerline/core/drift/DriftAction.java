package io.towerline.core.drift;

/** What staff can do about drift items. */
public enum DriftAction {

	/**
	 * Make the router match the platform: sync the subscriber or plan, or, for an
	 * unmanaged secret and only with explicit confirmation, remove it from the router.
	 */
	PUSH,

	/** Make the platform match the router: create or update the subscriber (and plan). */
	ADOPT,

	/** Live with it: later checks report it as IGNORED. */
	IGNORE,

	/** Take back an ignore: later checks report it as OPEN again. */
	UNIGNORE

}
