/**
 * Per-tenant rate limits: every GraphQL operation is priced before it runs and charged to
 * its tenant's bucket (and to its API client's own bucket inside it), sized from the
 * tenant's tier. Buckets live in-process or, shared by all replicas, in PostgreSQL.
 */
@NullMarked
package io.towerline.api.ratelimit;

import org.jspecify.annotations.NullMarked;
