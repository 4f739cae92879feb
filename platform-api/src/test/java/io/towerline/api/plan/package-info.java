/**
 * Tests of plans through the API: rates and router pools.
 */
@NullMarked
package io.towerline.api.plan;

import org.jspecify.annotations.NullMarked;
