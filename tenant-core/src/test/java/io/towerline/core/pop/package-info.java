/**
 * Tests of points of presence.
 */
@NullMarked
package io.towerline.core.pop;

import org.jspecify.annotations.NullMarked;
