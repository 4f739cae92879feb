package io.towerline.core.session;

/** How online sessions are listed. */
public enum OnlineSessionOrder {

	/** Newest login first. */
	LOGIN_NEWEST,

	/** Oldest login first. */
	LOGIN_OLDEST,

	/** By user name (case-insensitive), A to Z. */
	USERNAME

}
