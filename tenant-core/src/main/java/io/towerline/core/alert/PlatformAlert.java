package io.towerline.core.alert;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Platform-wide trouble for the platform's admins.
 *
 * @param id stable id
 * @param kind {@link PlatformAlerts#ROUTERS_UNREACHABLE} or
 * {@link PlatformAlerts#SCHEDULER_BACKLOG}
 * @param state PENDING (seen, not long enough yet), OPEN or RESOLVED
 * @param summary what was last seen
 * @param firstSeenAt when the condition was first seen
 * @param openedAt when it opened, once it has
 * @param resolvedAt when it resolved, once it has
 */
public record PlatformAlert(UUID id, String kind, String state, String summary, Instant firstSeenAt,
		@Nullable Instant openedAt, @Nullable Instant resolvedAt) {

}
