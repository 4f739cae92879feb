package io.towerline.core.error;

import java.util.List;

/**
 * Input the caller can fix; the API turns it into payload errors rather than a GraphQL
 * error.
 */
public class InvalidInputException extends DomainException {

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.isEmpty() ? ErrorCode.VALIDATION_FAILED : errors.get(0).code(), summary(errors));
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(FieldError error) {
		this(List.of(error));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	private static String summary(List<FieldError> errors) {
		return errors.stream().map(FieldError::message).reduce((a, b) -> a + "; " + b).orElse("Invalid input");
	}

}
