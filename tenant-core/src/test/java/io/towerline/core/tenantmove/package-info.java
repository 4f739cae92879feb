/**
 * Tests of moving a tenant and of sweeps during a move.
 */
@NullMarked
package io.towerline.core.tenantmove;

import org.jspecify.annotations.NullMarked;
