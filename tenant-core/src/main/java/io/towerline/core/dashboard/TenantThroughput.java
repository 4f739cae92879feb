package io.towerline.core.dashboard;

import java.time.Instant;

/**
 * The bound tenant's subscriber traffic now: the sum over its reachable routers.
 *
 * @param measuredAt the latest window end among the routers read
 * @param rxBitsPerSecond received from subscribers (their upload)
 * @param txBitsPerSecond sent to subscribers (their download)
 * @param routersRead routers whose traffic is in the sum
 * @param routersUnreachable routers that are online by their last health check but could
 * not be read now (not in the sum)
 */
public record TenantThroughput(Instant measuredAt, long rxBitsPerSecond, long txBitsPerSecond, int routersRead,
		int routersUnreachable) {

}
