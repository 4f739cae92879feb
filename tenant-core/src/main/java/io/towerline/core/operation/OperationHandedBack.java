package io.towerline.core.operation;

/**
 * Thrown by a handler that stopped at a safe point because the platform is shutting down
 * (see {@link OperationHandler.Progress#handBackRequested()}). Not a failure: the attempt
 * does not count and the operation is due again at once.
 */
public class OperationHandedBack extends RuntimeException {

	public OperationHandedBack(String where) {
		super(where);
	}

}
