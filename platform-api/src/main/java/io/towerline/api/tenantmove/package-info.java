/**
 * The platform admin's view of tenant placement in GraphQL: the clusters, moving a tenant
 * between them and following the move (ADR 0173, 0174).
 */
@NullMarked
package io.towerline.api.tenantmove;

import org.jspecify.annotations.NullMarked;
