/**
 * GraphQL operations on the tenant's routers: CRUD, connection test and health.
 */
@NullMarked
package io.towerline.api.router;

import org.jspecify.annotations.NullMarked;
