/**
 * Test support for the API: a test issuer with its own key pair, tokens of every kind
 * (valid and hostile), and the base class that boots the application against the shared
 * real PostgreSQL.
 */
@NullMarked
package io.towerline.api.support;

import org.jspecify.annotations.NullMarked;
