package io.towerline.mikrotik;

import java.time.Duration;

/**
 * The router did not answer in time; the command was cancelled on the router (or the
 * connection closed).
 */
public final class RouterTimeoutException extends RouterException {

	public RouterTimeoutException(String router, String what, Duration timeout) {
		super(router, what + " got no answer within " + timeout.toMillis() + " ms", null);
	}

	@Override
	public RouterErrorCode code() {
		return RouterErrorCode.ROUTER_TIMEOUT;
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
