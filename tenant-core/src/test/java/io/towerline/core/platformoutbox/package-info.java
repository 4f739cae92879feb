/**
 * Tests of the platform outbox.
 */
@NullMarked
package io.towerline.core.platformoutbox;

import org.jspecify.annotations.NullMarked;
