package io.towerline.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.towerline.core.usage.Counters;
import org.jspecify.annotations.Nullable;

/**
 * A session online now, as last read from its router.
 *
 * @param id the platform's id of the session (kept when it ends, in its history)
 * @param itemId the router's {@code .id} of the {@code /ppp/active} entry
 * @param subscriberId null for a user name no subscriber has (unmanaged)
 * @param pppSessionId RouterOS's {@code session-id}
 * @param loginAt when it came up (the router's uptime of it, taken from the read time)
 * @param seenAt when it was last seen online
 * @param counters the last sample of its interface counters
 * @param countersAt when they were sampled; null before the first sample
 */
public record OnlineSession(UUID id, UUID routerId, String itemId, String username, @Nullable UUID subscriberId,
		String address, String callerId, String service, String pppSessionId, Instant loginAt, Instant seenAt,
		Counters counters, @Nullable Instant countersAt) {

	public Duration uptime(Instant now) {
		return Duration.between(this.loginAt, now);
	}

	OnlineSession withCounters(Counters counters, Instant at) {
		return new OnlineSession(this.id, this.routerId, this.itemId, this.username, this.subscriberId, this.address,
				this.callerId, this.service, this.pppSessionId, this.loginAt, at, counters, at);
	}

}
