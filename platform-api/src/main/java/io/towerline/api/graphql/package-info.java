/**
 * GraphQL plumbing shared by every feature: scalars, pagination rules, and the mapping of
 * failures to errors with a stable {@code extensions.code}.
 */
@NullMarked
package io.towerline.api.graphql;

import org.jspecify.annotations.NullMarked;
