package io.towerline.core.health;

import java.util.UUID;

/**
 * A router the last sample found changed in a way that calls for a look: it answers again
 * after being unreachable or refusing its credentials, or its uptime went back (it
 * rebooted).
 *
 * @param routerId the router
 * @param cameBack it answers again after being away
 * @param rebooted its uptime is lower than at the previous sample
 */
public record RouterTransition(UUID routerId, boolean cameBack, boolean rebooted) {

}
