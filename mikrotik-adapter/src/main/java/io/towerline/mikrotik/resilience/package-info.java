/**
 * The retry policy for idempotent reads, part of the client settings. The circuit breaker
 * and the command throttle it works with are package-private in the client package.
 */
@NullMarked
package io.towerline.mikrotik.resilience;

import org.jspecify.annotations.NullMarked;
