/**
 * Tests of the demo tenant and its simulated routers, and of turning it off.
 */
@NullMarked
package io.towerline.api.demo;

import org.jspecify.annotations.NullMarked;
