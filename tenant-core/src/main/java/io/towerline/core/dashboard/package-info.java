/**
 * The tenant's figures at a glance (the staff's dashboard): set-based counts and live
 * numbers, each read through the owning feature's public service.
 */
@NullMarked
package io.towerline.core.dashboard;

import org.jspecify.annotations.NullMarked;
