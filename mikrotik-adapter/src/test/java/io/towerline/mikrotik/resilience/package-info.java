/**
 * Tests of the retry policy for router calls.
 */
@NullMarked
package io.towerline.mikrotik.resilience;

import org.jspecify.annotations.NullMarked;
