/**
 * Benchmarks of the adapter (run with {@code -Pbenchmark}): connection footprint,
 * pipelined adds, parsing large secret lists, a simulated fleet.
 */
@NullMarked
package io.towerline.mikrotik.benchmark;

import org.jspecify.annotations.NullMarked;
