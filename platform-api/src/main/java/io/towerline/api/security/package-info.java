/**
 * Who is calling: JWTs from the trusted issuers (and, in embedded mode only, the local
 * issuer), mapped to a {@link io.towerline.api.security.TowerlineAuthentication} carrying
 * the tenant and roles; then the tenant is resolved once, checked against the catalog,
 * and bound for the rest of the request.
 */
@NullMarked
package io.towerline.api.security;

import org.jspecify.annotations.NullMarked;
