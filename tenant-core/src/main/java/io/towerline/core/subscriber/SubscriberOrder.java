package io.towerline.core.subscriber;

/**
 * How the staff's subscriber list is ordered. Every order pages by keyset on (its key,
 * username, id), so equal keys still page in a stable, readable order.
 */
public enum SubscriberOrder {

	/** By username. */
	USERNAME("s.username"),

	/** By when the subscriber was created. */
	CREATED("s.created_at"),

	/** By expiry date; subscribers without one come after every date. */
	EXPIRY("coalesce(s.expires_on, DATE '9999-12-31')"),

	/** By status name. */
	STATUS("s.status"),

	/** By the name of the plan. */
	PLAN("p.name");

	private final String key;

	SubscriberOrder(String key) {
		this.key = key;
	}

	/**
	 * The SQL expression of the key (over {@code subscriber s} joined to {@code plan p}).
	 */
	String key() {
		return this.key;
	}

}
