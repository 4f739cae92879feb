/**
 * Tests of authentication: trusted issuers and the local token endpoint.
 */
@NullMarked
package io.towerline.api.security;

import org.jspecify.annotations.NullMarked;
