/**
 * GraphQL operations on the tenant's points of presence.
 */
@NullMarked
package io.towerline.api.pop;

import org.jspecify.annotations.NullMarked;
