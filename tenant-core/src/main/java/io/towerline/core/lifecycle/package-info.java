/**
 * The subscriber lifecycle flow: a tenant's policy walks every subscriber with an expiry
 * from ACTIVE through notices to GRACE (the grace plan on the router) and SUSPENDED, and
 * back to ACTIVE as soon as the subscription is extended. Each step is a durable router
 * operation, a {@link io.towerline.core.event.TenantEvent} and a timeline entry; billing
 * systems drive it with idempotent calls.
 */
@NullMarked
package io.towerline.core.lifecycle;

import org.jspecify.annotations.NullMarked;
