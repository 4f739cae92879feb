package io.towerline.core.session;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which ended sessions to list; every part is optional.
 *
 * @param username exact user name (any case)
 * @param from ended at or after
 * @param to ended before
 */
public record SessionHistoryFilter(@Nullable UUID subscriberId, @Nullable UUID routerId, @Nullable String username,
		@Nullable SessionEndReason reason, @Nullable Instant from, @Nullable Instant to) {

	public static SessionHistoryFilter ofSubscriber(UUID subscriberId) {
		return new SessionHistoryFilter(subscriberId, null, null, null, null, null);
	}

}
