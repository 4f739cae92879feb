/**
 * Tests of reading a router's interfaces and their counters.
 */
@NullMarked
package io.towerline.mikrotik.interfaces;

import org.jspecify.annotations.NullMarked;
