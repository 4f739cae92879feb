package io.towerline.core.subscriber;

/**
 * The types of the {@link io.towerline.core.event.TenantEvent}s published when a
 * subscriber changes; the subject is the subscriber's id.
 */
public final class SubscriberEvents {

	public static final String CREATED = "subscriber.created";

	public static final String CHANGED = "subscriber.changed";

	public static final String SUSPENDED = "subscriber.suspended";

	public static final String RESTORED = "subscriber.restored";

	public static final String DELETED = "subscriber.deleted";

	private SubscriberEvents() {
	}

}
