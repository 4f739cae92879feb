/**
 * Tests of notification refusals.
 */
@NullMarked
package io.towerline.core.notification;

import org.jspecify.annotations.NullMarked;
