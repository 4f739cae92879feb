package io.towerline.core.identity;

/** The two kinds of principal that sign in to Towerline. */
public enum PrincipalKind {

	/** A person with a user name and password. */
	USER,

	/** A machine of one tenant using client credentials. */
	CLIENT

}
