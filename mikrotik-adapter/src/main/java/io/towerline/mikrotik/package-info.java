/**
 * Everything RouterOS: the shielded client, typed operations per menu, the simulator and
 * router credential sealing. Nothing outside this module sees a command string or a
 * library type.
 */
@NullMarked
package io.towerline.mikrotik;

import org.jspecify.annotations.NullMarked;
