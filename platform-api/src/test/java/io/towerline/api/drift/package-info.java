/**
 * Drift and import through GraphQL, against the RouterOS simulator.
 */
@NullMarked
package io.towerline.api.drift;

import org.jspecify.annotations.NullMarked;
