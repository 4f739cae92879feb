package io.towerline.api.throttling;

import org.jspecify.annotations.Nullable;

/**
 * One request's account, carried in its GraphQL context from the interceptor (which knows
 * the caller and writes the response) to the instrumentation (which prices and charges
 * the operation once the document is valid).
 */
final class OperationCharge {

	private final Caller caller;

	private volatile long requested = 1;

	private volatile @Nullable Charge charge;

	private volatile boolean holdsSubscription;

	OperationCharge(Caller caller) {
		this.caller = caller;
	}

	Caller caller() {
		return this.caller;
	}

	/** The operation's price, or 1 while it has not been priced. */
	long requested() {
		return this.requested;
	}

	void priced(long cost) {
		this.requested = cost;
	}

	/** The charge, or null when the operation never reached the charge. */
	@Nullable Charge charge() {
		return this.charge;
	}

	void charged(Charge charge) {
		this.charge = charge;
	}

	/** Whether the operation took a place among its tenant's open subscriptions. */
	boolean holdsSubscription() {
		return this.holdsSubscription;
	}

	void subscriptionOpened() {
		this.holdsSubscription = true;
	}

}
