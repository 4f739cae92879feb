package io.towerline.core.usage;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Usage of one session's user name on one router since the previous sample.
 *
 * @param subscriberId null for an unmanaged user name (still counted for the router, POP
 * and tenant)
 * @param planId the subscriber's plan when the usage happened
 */
public record UsageDelta(UUID routerId, String username, @Nullable UUID subscriberId, @Nullable UUID planId,
		Counters counters) {

}
