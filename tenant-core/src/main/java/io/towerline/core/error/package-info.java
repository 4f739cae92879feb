/**
 * The domain's error vocabulary: every failure has a stable
 * {@link io.towerline.core.error.ErrorCode}; problems the caller can fix carry
 * {@link io.towerline.core.error.FieldError}s.
 */
@NullMarked
package io.towerline.core.error;

import org.jspecify.annotations.NullMarked;
