package io.towerline.core.error;

/**
 * Base of every exception the domain raises on purpose; carries a stable code and a
 * message safe to show.
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;

	public DomainException(ErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	public ErrorCode code() {
		return this.code;
	}

}
