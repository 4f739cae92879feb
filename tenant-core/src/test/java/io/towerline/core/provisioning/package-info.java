/**
 * Tests of provisioning subscribers on routers: order across instances, flaky links,
 * profile settings.
 */
@NullMarked
package io.towerline.core.provisioning;

import org.jspecify.annotations.NullMarked;
