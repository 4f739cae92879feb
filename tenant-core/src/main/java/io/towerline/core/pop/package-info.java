/**
 * Points of presence: the sites (towers, cabinets, data rooms) where a tenant's routers
 * stand.
 */
@NullMarked
package io.towerline.core.pop;

import org.jspecify.annotations.NullMarked;
