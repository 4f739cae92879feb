/**
 * Tests of routers through the API.
 */
@NullMarked
package io.towerline.api.router;

import org.jspecify.annotations.NullMarked;
