/**
 * Tests of the platform's wording of counts.
 */
@NullMarked
package io.towerline.core.wording;

import org.jspecify.annotations.NullMarked;
