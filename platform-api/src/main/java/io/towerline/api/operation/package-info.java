/**
 * GraphQL access to router operations: listing, retrying, and following one live over
 * graphql-ws.
 */
@NullMarked
package io.towerline.api.operation;

import org.jspecify.annotations.NullMarked;
