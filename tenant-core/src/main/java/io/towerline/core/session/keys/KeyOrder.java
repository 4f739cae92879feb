package io.towerline.core.session.keys;

/** How the matches of a search in memory are ordered. */
public enum KeyOrder {

	/** Newest login first, then the greater id. */
	NEWEST,

	/** Oldest login first, then the lesser id. */
	OLDEST,

	/** By lower-case user name in code point order, then the lesser id. */
	NAME

}
