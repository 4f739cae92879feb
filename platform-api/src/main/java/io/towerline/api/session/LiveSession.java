package io.towerline.api.session;

import java.time.Instant;
import java.util.UUID;

import io.towerline.core.session.OnlineSession;
import org.jspecify.annotations.Nullable;

/**
 * A row of the live table ({@code LiveSession}): the session with its subscriber's plan.
 */
record LiveSession(UUID id, UUID routerId, @Nullable UUID subscriberId, @Nullable UUID planId, String username,
		String address, String callerId, Instant loginAt) {

	static LiveSession of(OnlineSession session, @Nullable UUID planId) {
		return new LiveSession(session.id(), session.routerId(), session.subscriberId(), planId, session.username(),
				session.address(), session.callerId(), session.loginAt());
	}

}
