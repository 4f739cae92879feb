/**
 * Where router and subscriber credentials are sealed: a local AES-GCM key (embedded
 * default) or HashiCorp Vault; {@link io.towerline.core.credentials.SealedSecrets} is the
 * only type that seals, replaces, reveals and discards them.
 */
@NullMarked
package io.towerline.core.credentials;

import org.jspecify.annotations.NullMarked;
