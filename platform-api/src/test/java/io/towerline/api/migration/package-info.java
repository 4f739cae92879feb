/**
 * Tests of the migration modes.
 */
@NullMarked
package io.towerline.api.migration;

import org.jspecify.annotations.NullMarked;
