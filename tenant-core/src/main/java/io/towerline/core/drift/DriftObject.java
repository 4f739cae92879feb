package io.towerline.core.drift;

/** Which kind of router object a drift item is about. */
public enum DriftObject {

	/** A {@code /ppp/secret}: one subscriber. */
	SECRET,

	/** A {@code /ppp/profile}: one plan. */
	PROFILE

}
