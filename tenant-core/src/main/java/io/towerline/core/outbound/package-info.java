/**
 * Where the platform may send requests a tenant points it at (webhook endpoints, SMS
 * gateways): never to link-local, unspecified or multicast addresses (cloud metadata
 * services live there), and to loopback and private networks only where the operator
 * allows it.
 */
@NullMarked
package io.towerline.core.outbound;

import org.jspecify.annotations.NullMarked;
