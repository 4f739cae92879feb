/**
 * The platform admin's tenant console in GraphQL: list, onboard, suspend and reactivate
 * tenants.
 */
@NullMarked
package io.towerline.api.tenant;

import org.jspecify.annotations.NullMarked;
