/**
 * The embedded authorization server (Spring Security's, in its own filter chains: the
 * OAuth2 endpoints and the login page), its persisted and rotatable signing keys, the
 * in-process trust of its tokens with a revocation check, the first platform admin, and
 * the GraphQL operations on users, API clients and the security event log.
 */
@NullMarked
package io.towerline.api.identity;

import org.jspecify.annotations.NullMarked;
