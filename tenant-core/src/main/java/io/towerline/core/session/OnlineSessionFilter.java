package io.towerline.core.session;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which online sessions to list; every part is optional.
 *
 * @param text a prefix of the user name (any case), IP address or caller-id (MAC, any
 * case)
 */
public record OnlineSessionFilter(@Nullable UUID routerId, @Nullable UUID popId, @Nullable UUID planId,
		@Nullable UUID subscriberId, @Nullable String text) {

	public static final OnlineSessionFilter ALL = new OnlineSessionFilter(null, null, null, null, null);

	public static OnlineSessionFilter ofRouter(UUID routerId) {
		return new OnlineSessionFilter(routerId, null, null, null, null);
	}

	public static OnlineSessionFilter ofSubscriber(UUID subscriberId) {
		return new OnlineSessionFilter(null, null, null, subscriberId, null);
	}

}
