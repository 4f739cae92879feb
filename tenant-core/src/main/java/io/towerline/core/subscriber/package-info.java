/**
 * Subscribers: the ISP's PPPoE customers. The platform holds their desired state; every
 * change is carried to the router by a durable operation enqueued in the same
 * transaction.
 */
@NullMarked
package io.towerline.core.subscriber;

import org.jspecify.annotations.NullMarked;
