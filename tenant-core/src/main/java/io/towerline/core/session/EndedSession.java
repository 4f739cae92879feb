package io.towerline.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.towerline.core.usage.Counters;
import org.jspecify.annotations.Nullable;

/**
 * A session that ended, as kept in the history.
 *
 * @param counters what its interface counted up to the last sample before it ended
 * (traffic after the last sample is not known: the interface is gone with the session)
 */
public record EndedSession(UUID id, UUID routerId, String username, @Nullable UUID subscriberId, String address,
		String callerId, String service, String pppSessionId, Instant loginAt, Instant logoutAt, Counters counters,
		SessionEndReason reason) {

	public Duration duration() {
		return Duration.between(this.loginAt, this.logoutAt);
	}

}
