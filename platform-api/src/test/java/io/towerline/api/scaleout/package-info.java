/**
 * Scale-out proof (issue 14): platform replicas as separate JVMs on one external
 * PostgreSQL behind a round-robin balancer on loopback.
 */
@NullMarked
package io.towerline.api.scaleout;

import org.jspecify.annotations.NullMarked;
