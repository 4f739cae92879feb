package io.towerline.mikrotik;

import org.jspecify.annotations.Nullable;

/** The router cannot be talked to right now. */
public final class RouterUnreachableException extends RouterException {

	/**
	 * Why, for operators; the error code stays {@link RouterErrorCode#ROUTER_UNREACHABLE}
	 * for all of them.
	 */
	public enum Reason {

		/** TCP connect failed or timed out. */
		CONNECT_FAILED,
		/** An open connection broke (reset, EOF, reboot). */
		CONNECTION_LOST,
		/** The router ended the session with {@code !fatal}. */
		SESSION_TERMINATED,
		/**
		 * The router's TLS certificate did not match the CA or the pinned fingerprint.
		 */
		TLS_UNTRUSTED,
		/** Too many recent failures; calls are refused until the breaker half-opens. */
		CIRCUIT_OPEN,
		/** The client was closed. */
		CLIENT_CLOSED

	}

	private final Reason reason;

	public RouterUnreachableException(String router, Reason reason, String message, @Nullable Throwable cause) {
		super(router, message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	@Override
	public RouterErrorCode code() {
		return RouterErrorCode.ROUTER_UNREACHABLE;
	}

	@Override
	public boolean isTransient() {
		return this.reason != Reason.TLS_UNTRUSTED && this.reason != Reason.CLIENT_CLOSED;
	}

}
