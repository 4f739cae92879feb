/**
 * Benchmarks of the gateway, run only with {@code -Pbenchmark}: they measure and report,
 * and assert nothing about speed.
 */
@NullMarked
package io.towerline.api.bench;

import org.jspecify.annotations.NullMarked;
