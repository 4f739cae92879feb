/**
 * Tests of what the platform exposes about itself: backlog metrics, request logging,
 * router breaker metrics.
 */
@NullMarked
package io.towerline.api.observability;

import org.jspecify.annotations.NullMarked;
