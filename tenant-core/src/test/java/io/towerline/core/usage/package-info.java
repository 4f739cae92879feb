/**
 * Tests of usage accounting: counter deltas, rollups, time partitions.
 */
@NullMarked
package io.towerline.core.usage;

import org.jspecify.annotations.NullMarked;
