package io.towerline.core.session;

import java.time.Instant;
import java.util.UUID;

import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A session that came online or ended on a router, as any replica's tracker wrote it to
 * the online table ({@link SessionChangeFeed}).
 *
 * @param endReason how it ended; null for a start
 */
public record SessionChange(TenantId tenant, Kind kind, UUID sessionId, UUID routerId, @Nullable UUID subscriberId,
		String username, String address, Instant loginAt, @Nullable SessionEndReason endReason) {

	/** Whether the session started or ended. */
	public enum Kind {

		STARTED, ENDED

	}

	static SessionChange started(TenantId tenant, OnlineSession session) {
		return new SessionChange(tenant, Kind.STARTED, session.id(), session.routerId(), session.subscriberId(),
				session.username(), session.address(), session.loginAt(), null);
	}

	static SessionChange ended(TenantId tenant, EndedSession session) {
		return new SessionChange(tenant, Kind.ENDED, session.id(), session.routerId(), session.subscriberId(),
				session.username(), session.address(), session.loginAt(), session.reason());
	}

}
