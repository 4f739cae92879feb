/**
 * Tests of rate limiting: buckets in-process and in PostgreSQL, the tenant bulkhead,
 * throttled replays.
 */
@NullMarked
package io.towerline.api.throttling;

import org.jspecify.annotations.NullMarked;
