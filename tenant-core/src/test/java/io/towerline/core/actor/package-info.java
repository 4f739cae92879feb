/**
 * Tests of actors: who did what.
 */
@NullMarked
package io.towerline.core.actor;

import org.jspecify.annotations.NullMarked;
