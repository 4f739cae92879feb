/**
 * GraphQL access to the lifecycle flow: the policy, idempotent extensions and payments,
 * postponements, and each subscriber's expiry, lifecycle state and timeline.
 */
@NullMarked
package io.towerline.api.lifecycle;

import org.jspecify.annotations.NullMarked;
