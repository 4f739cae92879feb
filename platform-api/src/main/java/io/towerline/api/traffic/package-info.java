/**
 * Real-time speed in GraphQL: the {@code subscriberTraffic} and {@code routerTraffic}
 * subscriptions over the shared router streams, and the dashboard snapshots
 * ({@code topTalkers}, {@code Router.throughput}).
 */
@NullMarked
package io.towerline.api.traffic;

import org.jspecify.annotations.NullMarked;
