/**
 * Tests of routers in the tenant core.
 */
@NullMarked
package io.towerline.core.router;

import org.jspecify.annotations.NullMarked;
