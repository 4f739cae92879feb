/**
 * Typed operations on {@code /ppp/secret}, {@code /ppp/profile} and {@code /ppp/active}:
 * what the platform uses to provision, police and watch PPPoE subscribers. Results are
 * records; lookups are by name.
 */
@NullMarked
package io.towerline.mikrotik.ppp;

import org.jspecify.annotations.NullMarked;
