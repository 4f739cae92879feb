/**
 * Tests of webhook deliveries, test deliveries and outbound destinations.
 */
@NullMarked
package io.towerline.api.webhook;

import org.jspecify.annotations.NullMarked;
