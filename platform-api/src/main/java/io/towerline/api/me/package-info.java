/**
 * {@code me}: the caller as the API sees them.
 */
@NullMarked
package io.towerline.api.me;

import org.jspecify.annotations.NullMarked;
