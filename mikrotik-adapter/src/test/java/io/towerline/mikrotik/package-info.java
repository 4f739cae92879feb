/**
 * Tests of the RouterOS adapter against the in-process simulator: what a router of each
 * version can do, and the routers the tests run against.
 */
@NullMarked
package io.towerline.mikrotik;

import org.jspecify.annotations.NullMarked;
