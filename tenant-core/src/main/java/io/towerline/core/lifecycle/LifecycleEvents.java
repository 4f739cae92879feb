package io.towerline.core.lifecycle;

import java.util.Set;

/**
 * The types of the {@link io.towerline.core.event.TenantEvent}s the lifecycle publishes.
 */
public final class LifecycleEvents {

	/** A notice before expiry is due ({@code days} before). */
	public static final String NOTICE_DUE = "lifecycle.notice_due";

	/** The subscription expired and the grace period began (grace plan on the router). */
	public static final String GRACE_STARTED = "lifecycle.grace_started";

	/** The grace period ended: the subscriber is suspended. */
	public static final String SUSPENDED = "lifecycle.suspended";

	/** The subscriber is back to ACTIVE (extended). */
	public static final String RESTORED = "lifecycle.restored";

	/** The expiry was moved by a billing system or staff. */
	public static final String EXTENDED = "lifecycle.extended";

	/** A payment was recorded (the amount fields come from the billing system). */
	public static final String PAYMENT_RECORDED = "lifecycle.payment_recorded";

	/** Staff postponed the suspension ("promise to pay"). */
	public static final String POSTPONED = "lifecycle.postponed";

	/** Every lifecycle event type. */
	public static final Set<String> ALL = Set.of(NOTICE_DUE, GRACE_STARTED, SUSPENDED, RESTORED, EXTENDED,
			PAYMENT_RECORDED, POSTPONED);

	private LifecycleEvents() {
	}

}
