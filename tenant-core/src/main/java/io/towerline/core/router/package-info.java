/**
 * The tenant's routers: where they are, how to reach them (credentials sealed, only a
 * reference stored), and their health as last observed.
 */
@NullMarked
package io.towerline.core.router;

import org.jspecify.annotations.NullMarked;
