/**
 * Per-router protection: a circuit breaker, a command-rate throttle (Bucket4j) and retry
 * with backoff for idempotent reads. Internal to the module; configured through the
 * client settings.
 */
@NullMarked
package io.towerline.mikrotik.resilience;

import org.jspecify.annotations.NullMarked;
