/**
 * The entry point the platform uses: {@link io.towerline.mikrotik.client.RouterClients}
 * hands out one {@link io.towerline.mikrotik.client.RouterClient} per router, backed by a
 * bounded connection pool, throttle, circuit breaker, read retries, TLS verification and
 * the audit hook.
 */
@NullMarked
package io.towerline.mikrotik.client;

import org.jspecify.annotations.NullMarked;
