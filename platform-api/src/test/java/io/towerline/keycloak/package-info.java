/**
 * Towerline against a real Keycloak (its Maven Central distribution, started once per
 * test run): tokens of the realm imported from {@code docs/keycloak} reach the right
 * tenant, and tokens for another audience or from another realm are refused.
 */
@NullMarked
package io.towerline.keycloak;

import org.jspecify.annotations.NullMarked;
