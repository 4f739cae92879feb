/**
 * Tests of copying a tenant schema between clusters and checking it by table digests.
 */
@NullMarked
package io.towerline.core.tenancy.placement;

import org.jspecify.annotations.NullMarked;
