/**
 * Tests of operations through the API: the shared feed and watch, subscriptions and their
 * limits, the operation policy.
 */
@NullMarked
package io.towerline.api.operation;

import org.jspecify.annotations.NullMarked;
