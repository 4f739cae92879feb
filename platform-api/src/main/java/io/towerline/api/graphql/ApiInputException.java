package io.towerline.api.graphql;

/**
 * A request the caller must change (for example a page size out of range); reported as
 * BAD_REQUEST with a code.
 */
public class ApiInputException extends RuntimeException {

	private final String code;

	public ApiInputException(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
