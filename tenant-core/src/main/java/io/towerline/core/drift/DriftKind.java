package io.towerline.core.drift;

/** How a router differs from the desired state for one object. */
public enum DriftKind {

	/** The platform has it; the router does not. */
	MISSING,

	/** The router has it; the platform does not manage it. */
	UNMANAGED,

	/** Both have it, with different values. */
	DIFFERENT

}
