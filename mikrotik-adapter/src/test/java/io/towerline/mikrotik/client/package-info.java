/**
 * Tests of the RouterOS client: TLS, command intents, throttling, timeouts, concurrent
 * callers and failing connections.
 */
@NullMarked
package io.towerline.mikrotik.client;

import org.jspecify.annotations.NullMarked;
