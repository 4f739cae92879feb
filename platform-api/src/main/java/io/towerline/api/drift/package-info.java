/**
 * The GraphQL face of drift detection and router import.
 */
@NullMarked
package io.towerline.api.drift;

import org.jspecify.annotations.NullMarked;
