/**
 * Tests of drift: the comparison on its own, checks against the simulator, router import.
 */
@NullMarked
package io.towerline.core.drift;

import org.jspecify.annotations.NullMarked;
