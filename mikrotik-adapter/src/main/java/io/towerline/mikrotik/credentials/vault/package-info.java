/**
 * Router credentials in HashiCorp Vault (KV v2) through spring-vault-core, with token,
 * AppRole or Kubernetes login and automatic token renewal. Spring Vault types stay inside
 * this package.
 */
@NullMarked
package io.towerline.mikrotik.credentials.vault;

import org.jspecify.annotations.NullMarked;
