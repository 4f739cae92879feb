/**
 * Drift detection and import: compares each router with the desired state, reports the
 * differences per router, and lets staff push, adopt or ignore them; importing a router
 * is adopting everything it holds.
 */
@NullMarked
package io.towerline.core.drift;

import org.jspecify.annotations.NullMarked;
