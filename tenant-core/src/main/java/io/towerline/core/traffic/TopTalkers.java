package io.towerline.core.traffic;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The busiest sessions now over the routers asked about.
 *
 * @param measuredAt the latest window end among the routers read
 * @param talkers busiest first
 * @param unreachableRouterIds routers that could not be read (left out of the ranking)
 */
public record TopTalkers(Instant measuredAt, List<TopTalker> talkers, List<UUID> unreachableRouterIds) {

}
