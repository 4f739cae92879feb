package io.towerline.mikrotik;

import org.jspecify.annotations.Nullable;

/**
 * Every failure of a router operation. Unchecked, because callers (durable jobs) handle
 * all of them the same way at one place; sealed, so that a switch over the kinds is
 * exhaustive. The message never contains a password.
 */
public abstract sealed class RouterException extends RuntimeException
		permits RouterUnreachableException, RouterAuthenticationException, RouterCommandRejectedException,
		RouterTimeoutException, RouterProtocolException, RouterFileTransferException {

	private final String router;

	protected RouterException(String router, String message, @Nullable Throwable cause) {
		super(router + ": " + message, cause);
		this.router = router;
	}

	/** The stable code of this kind of failure. */
	public abstract RouterErrorCode code();

	/** Which router failed, as {@code host:port}. */
	public String router() {
		return this.router;
	}

	/** Whether trying again later can succeed without anyone changing anything. */
	public boolean isTransient() {
		return false;
	}

}
