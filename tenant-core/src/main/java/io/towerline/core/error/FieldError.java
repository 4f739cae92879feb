package io.towerline.core.error;

import org.jspecify.annotations.Nullable;

/**
 * One problem with one input field that the caller can fix.
 *
 * @param field the input field's name, or {@code null} when the problem concerns the
 * input as a whole
 * @param code stable code
 * @param message human-readable explanation
 */
public record FieldError(@Nullable String field, ErrorCode code, String message) {

	public static FieldError invalid(String field, String message) {
		return new FieldError(field, ErrorCode.VALIDATION_FAILED, message);
	}

}
