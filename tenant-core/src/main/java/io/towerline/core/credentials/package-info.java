/**
 * Where router and subscriber credentials are sealed: a local AES-GCM key (embedded
 * default) or HashiCorp Vault.
 */
@NullMarked
package io.towerline.core.credentials;

import org.jspecify.annotations.NullMarked;
