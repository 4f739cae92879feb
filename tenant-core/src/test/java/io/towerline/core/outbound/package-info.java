/**
 * Tests of judging outbound destinations (ADR 0206).
 */
@NullMarked
package io.towerline.core.outbound;

import org.jspecify.annotations.NullMarked;
