/**
 * Tests of live traffic and counter readings.
 */
@NullMarked
package io.towerline.core.traffic;

import org.jspecify.annotations.NullMarked;
