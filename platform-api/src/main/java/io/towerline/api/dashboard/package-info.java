/**
 * GraphQL reads of the tenant's dashboard figures.
 */
@NullMarked
package io.towerline.api.dashboard;

import org.jspecify.annotations.NullMarked;
