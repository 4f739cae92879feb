package io.towerline.mikrotik;

import org.jspecify.annotations.Nullable;

/**
 * The router broke the API protocol (bad framing, an answer of the wrong shape); the
 * connection is closed.
 */
public final class RouterProtocolException extends RouterException {

	public RouterProtocolException(String router, String message, @Nullable Throwable cause) {
		super(router, message, cause);
	}

	@Override
	public RouterErrorCode code() {
		return RouterErrorCode.ROUTER_PROTOCOL_ERROR;
	}

}
