/**
 * Tests of live traffic and top-talkers subscriptions and their limits.
 */
@NullMarked
package io.towerline.api.traffic;

import org.jspecify.annotations.NullMarked;
