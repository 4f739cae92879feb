/**
 * Tests of sealing router and PPPoE passwords with the local AES-GCM vault.
 */
@NullMarked
package io.towerline.mikrotik.credentials;

import org.jspecify.annotations.NullMarked;
