/**
 * Tests of PPP secrets, profiles and active sessions on the router.
 */
@NullMarked
package io.towerline.mikrotik.ppp;

import org.jspecify.annotations.NullMarked;
