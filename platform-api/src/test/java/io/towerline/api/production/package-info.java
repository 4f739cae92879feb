/**
 * Tests of the production fail-safe.
 */
@NullMarked
package io.towerline.api.production;

import org.jspecify.annotations.NullMarked;
