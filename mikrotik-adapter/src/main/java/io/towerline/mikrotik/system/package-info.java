/**
 * Typed reads of {@code /system/*}: resource, identity, routerboard, packages and health,
 * the latter normalised across the v6 (properties) and v7 (items) shapes.
 */
@NullMarked
package io.towerline.mikrotik.system;

import org.jspecify.annotations.NullMarked;
