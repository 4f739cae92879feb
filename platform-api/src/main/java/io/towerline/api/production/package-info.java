/**
 * The production profile's fail-safe: a start that would quietly fall back to an embedded
 * default (database, issuer, keys) is refused before anything starts, naming each missing
 * setting.
 */
@NullMarked
package io.towerline.api.production;

import org.jspecify.annotations.NullMarked;
