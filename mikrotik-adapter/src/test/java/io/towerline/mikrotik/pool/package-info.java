/**
 * Tests of IP pools and the profile settings that use them.
 */
@NullMarked
package io.towerline.mikrotik.pool;

import org.jspecify.annotations.NullMarked;
