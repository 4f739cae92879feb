/**
 * Tests of tenant events published before commit.
 */
@NullMarked
package io.towerline.core.event;

import org.jspecify.annotations.NullMarked;
