package io.towerline.core.operation;

/** Why an operation is WAITING_FOR_ROUTER, and so what ends the wait. */
public enum WaitReason {

	/**
	 * The router does not answer or its circuit is open; the wait ends when it answers
	 * again.
	 */
	ROUTER_UNREACHABLE,

	/**
	 * The router refuses the stored credentials; the wait ends when the router's
	 * credentials are changed (or fixed on the router).
	 */
	ROUTER_AUTH_FAILED,

	/**
	 * The router's TLS certificate is not trusted; the wait ends when the router's pinned
	 * fingerprint or certificate is fixed.
	 */
	ROUTER_TLS_UNTRUSTED

}
