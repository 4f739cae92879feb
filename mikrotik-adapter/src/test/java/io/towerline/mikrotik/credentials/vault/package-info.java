/**
 * Tests of the HashiCorp Vault credential store against an in-process stand-in (and a
 * real Vault when one is configured), login flows included.
 */
@NullMarked
package io.towerline.mikrotik.credentials.vault;

import org.jspecify.annotations.NullMarked;
