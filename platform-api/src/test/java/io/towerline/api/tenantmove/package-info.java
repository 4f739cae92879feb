/**
 * Tests of moving a tenant to another cluster through the API.
 */
@NullMarked
package io.towerline.api.tenantmove;

import org.jspecify.annotations.NullMarked;
