/**
 * Typed operations on {@code /interface}: counters (including each PPPoE session's
 * dynamic {@code <pppoe-NAME>} interface, where RouterOS keeps per-subscriber traffic)
 * and {@code monitor-traffic} rates, once or streamed.
 */
@NullMarked
package io.towerline.mikrotik.interfaces;

import org.jspecify.annotations.NullMarked;
