/**
 * Provisioning: the operation handlers that make routers hold what the platform says,
 * idempotently (look up by name, then set; add only when absent; removing a missing item
 * is success).
 */
@NullMarked
package io.towerline.core.provisioning;

import org.jspecify.annotations.NullMarked;
