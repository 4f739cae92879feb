package io.towerline.core.subscriber;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A subscriber to create, as given by the caller (validated by {@link Subscribers}).
 *
 * @param username PPPoE user name
 * @param password PPPoE password
 * @param planId the plan
 * @param routerId the router, or null to use the POP's router
 * @param popId the POP whose (single) router serves the subscriber, when no router is
 * given
 * @param profile contact, expiry and notes
 */
public record SubscriberDraft(@Nullable String username, @Nullable String password, @Nullable UUID planId,
		@Nullable UUID routerId, @Nullable UUID popId, SubscriberProfile profile) {

	@Override
	public String toString() {
		return "SubscriberDraft[username=" + this.username + ", password=(hidden)]";
	}

}
