/**
 * Tests of POPs through the API, concurrent tenants' requests included.
 */
@NullMarked
package io.towerline.api.pop;

import org.jspecify.annotations.NullMarked;
