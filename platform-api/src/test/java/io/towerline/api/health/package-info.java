/**
 * Router activity history tests (online counts and throughput for the routers screen).
 */
@NullMarked
package io.towerline.api.health;

import org.jspecify.annotations.NullMarked;
