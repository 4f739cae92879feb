/**
 * Usage accounting: byte and packet deltas from session counter samples (resets and
 * 32-bit wraps never give negative or doubled usage), written to 5-minute buckets, rolled
 * up to hourly and daily buckets by a recurring task, and totals per subscriber, plan,
 * router, POP and tenant for any period. The bucket tables are partitioned by time;
 * retention drops whole partitions.
 */
@NullMarked
package io.towerline.core.usage;

import org.jspecify.annotations.NullMarked;
