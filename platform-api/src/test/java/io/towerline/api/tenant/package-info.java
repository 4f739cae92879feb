/**
 * Tests of the platform admins' tenant console.
 */
@NullMarked
package io.towerline.api.tenant;

import org.jspecify.annotations.NullMarked;
