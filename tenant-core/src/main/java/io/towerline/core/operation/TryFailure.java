package io.towerline.core.operation;

import io.towerline.mikrotik.RouterAuthenticationException;
import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterFileTransferException;
import io.towerline.mikrotik.RouterProtocolException;
import io.towerline.mikrotik.RouterTimeoutException;
import io.towerline.mikrotik.RouterUnreachableException;
import org.jspecify.annotations.Nullable;

/**
 * How a failed try of an operation counts. Only failures that are the operation's own
 * (the router answered and refused the command, or the platform failed) spend an attempt;
 * failures on the way to the router make the operation wait or retry soon, bounded by the
 * router-wait policy instead.
 *
 * @param kind how it counts
 * @param waitReason why the operation waits, for {@link Kind#WAIT}
 * @param code stable code of the failure
 * @param message what happened
 */
record TryFailure(Kind kind, @Nullable WaitReason waitReason, String code, String message) {

	enum Kind {

		/** The operation's own failure: spends an attempt. */
		OWN,

		/**
		 * The exchange broke on a router that works (connection lost, reply cut or late):
		 * retried soon without spending an attempt.
		 */
		TRANSIENT,

		/** The router cannot be used now: the operation waits for it. */
		WAIT

	}

	static TryFailure of(Throwable failure) {
		String message = String.valueOf(failure.getMessage());
		if (!(failure instanceof RouterException router)) {
			return new TryFailure(Kind.OWN, null, failure.getClass().getSimpleName(), message);
		}
		String code = router.code().name();
		return switch (router) {
			case RouterAuthenticationException auth ->
				new TryFailure(Kind.WAIT, WaitReason.ROUTER_AUTH_FAILED, code, message);
			case RouterUnreachableException unreachable -> switch (unreachable.reason()) {
				case CONNECT_FAILED, CIRCUIT_OPEN ->
					new TryFailure(Kind.WAIT, WaitReason.ROUTER_UNREACHABLE, code, message);
				case TLS_UNTRUSTED -> new TryFailure(Kind.WAIT, WaitReason.ROUTER_TLS_UNTRUSTED, code, message);
				case CONNECTION_LOST, SESSION_TERMINATED, CLIENT_CLOSED ->
					new TryFailure(Kind.TRANSIENT, null, code, message);
			};
			case RouterTimeoutException timeout -> new TryFailure(Kind.TRANSIENT, null, code, message);
			case RouterProtocolException protocol -> new TryFailure(Kind.TRANSIENT, null, code, message);
			case RouterCommandRejectedException rejected -> new TryFailure(Kind.OWN, null, code, message);
			case RouterFileTransferException transfer -> new TryFailure(Kind.OWN, null, code, message);
		};
	}

	/** What the operation shows as its last error. */
	String describe() {
		return this.code + ": " + this.message;
	}

}
