/**
 * GraphQL operations on the tenant's plans.
 */
@NullMarked
package io.towerline.api.plan;

import org.jspecify.annotations.NullMarked;
