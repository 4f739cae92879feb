/**
 * A database out of reach is a retryable, coded condition (DATABASE_UNAVAILABLE), never
 * an internal error: recognised here for GraphQL errors and for failures before GraphQL
 * runs.
 */
@NullMarked
package io.towerline.api.outage;

import org.jspecify.annotations.NullMarked;
