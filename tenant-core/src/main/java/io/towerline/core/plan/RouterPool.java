package io.towerline.core.plan;

import java.util.UUID;

/**
 * The ranges of a plan's managed pool on one router, in place of the plan's own.
 *
 * @param planId the plan
 * @param routerId the router
 * @param ranges the ranges there, RouterOS style ({@code 10.2.0.10-10.2.0.250,...})
 */
public record RouterPool(UUID planId, UUID routerId, String ranges) {

}
