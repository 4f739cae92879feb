/**
 * Tests of the shared GraphQL plumbing.
 */
@NullMarked
package io.towerline.api.graphql;

import org.jspecify.annotations.NullMarked;
