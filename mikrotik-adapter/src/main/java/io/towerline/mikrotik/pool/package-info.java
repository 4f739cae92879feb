/**
 * Typed operations on {@code /ip/pool}: the address pools that PPP profiles hand
 * subscribers their addresses from.
 */
@NullMarked
package io.towerline.mikrotik.pool;

import org.jspecify.annotations.NullMarked;
