/**
 * Router credentials: the plain value (only ever in memory, never logged), the opaque
 * sealed reference the platform stores, and the vaults that seal and unseal (a local
 * AES-GCM key for the embedded default; HashiCorp Vault in production, see the
 * {@code vault} package).
 */
@NullMarked
package io.towerline.mikrotik.credentials;

import org.jspecify.annotations.NullMarked;
