/**
 * Tests of reading a router's system identity, resources and version.
 */
@NullMarked
package io.towerline.mikrotik.system;

import org.jspecify.annotations.NullMarked;
