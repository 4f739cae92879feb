/**
 * Tests of tenants placed on a further PostgreSQL cluster.
 */
@NullMarked
package io.towerline.api.placement;

import org.jspecify.annotations.NullMarked;
