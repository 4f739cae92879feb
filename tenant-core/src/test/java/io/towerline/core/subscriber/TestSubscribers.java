package io.towerline.core.subscriber;

import java.time.Instant;
import java.util.UUID;

/**
 * Subscribers in a given state for unit tests that need no database, built through the
 * same package-private steps the services use.
 */
public final class TestSubscribers {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private TestSubscribers() {
	}

	/** A subscriber the platform created, so it owns the secret's comment. */
	public static Subscriber created(String username, UUID planId, SubscriberStatus status) {
		Subscriber subscriber = new Subscriber(UUID.randomUUID(), username, "ref-" + username, planId,
				UUID.randomUUID(), new SubscriberProfile(Contact.NONE, null, null), NOW);
		subscriber.changeStatus(status, NOW);
		return subscriber;
	}

	/** A subscriber adopted from a router secret whose comment stays the ISP's. */
	public static Subscriber adopted(String username, UUID planId, String routerComment) {
		Subscriber subscriber = created(username, planId, SubscriberStatus.ACTIVE);
		subscriber.leaveCommentToRouter(routerComment, NOW);
		return subscriber;
	}

	/** A subscriber whose removal from the router is under way. */
	public static Subscriber deleting(String username, UUID planId) {
		Subscriber subscriber = created(username, planId, SubscriberStatus.ACTIVE);
		subscriber.markDeleting(NOW);
		return subscriber;
	}

}
