/**
 * Per-tenant throttling of the API (not a plan's {@code rate-limit}, which is a
 * subscriber's speed): every GraphQL operation is priced before it runs and charged to
 * its tenant's bucket (and to its API client's own bucket inside it), sized from the
 * tenant's tier. Buckets live in-process or, shared by all replicas, in PostgreSQL. The
 * client-visible names keep their first spelling: code {@code RATE_LIMITED}, the
 * {@code RateLimitTier} enum, the {@code towerline.rate-limit.*} settings.
 */
@NullMarked
package io.towerline.api.throttling;

import org.jspecify.annotations.NullMarked;
