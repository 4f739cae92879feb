/**
 * Tests of the lifecycle terms (notice and grace days).
 */
@NullMarked
package io.towerline.core.lifecycle;

import org.jspecify.annotations.NullMarked;
