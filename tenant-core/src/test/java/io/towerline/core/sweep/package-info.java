/**
 * Tests of tenant sweeps' failure logging (ADR 0204).
 */
@NullMarked
package io.towerline.core.sweep;

import org.jspecify.annotations.NullMarked;
