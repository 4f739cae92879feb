/**
 * Tests of plans: rate limits (fuzzed) and profile settings.
 */
@NullMarked
package io.towerline.core.plan;

import org.jspecify.annotations.NullMarked;
