/**
 * How fast traffic moves right now: live per-interface rates from {@code monitor-traffic}
 * (one router stream per watched interface, shared by every watcher of this replica and
 * stopped when the last one leaves), and dashboard snapshots of throughput and top
 * talkers from the {@code <pppoe-NAME>} interface counters.
 */
@NullMarked
package io.towerline.core.traffic;

import org.jspecify.annotations.NullMarked;
