package io.towerline.mikrotik.command;

/**
 * A value (or path or property name) that cannot be sent to a router as given. Thrown
 * before anything reaches the wire; the message names the parameter and the offending
 * character but never echoes the value, which may be a password.
 */
public class UnrepresentableValueException extends IllegalArgumentException {

	private final String parameter;

	public UnrepresentableValueException(String parameter, String reason) {
		super("cannot send " + parameter + " to a router: " + reason);
		this.parameter = parameter;
	}

	/** The parameter (or {@code path}) that was refused. */
	public String parameter() {
		return this.parameter;
	}

}
