package io.towerline.mikrotik.connection;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterProtocolException;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * A connection's failure as thrown to one caller: a new exception carrying the caller's
 * stack, with the original (raised once, on the reader thread) as cause.
 */
final class CallerFailure {

	private CallerFailure() {
	}

	static RouterException of(String router, @Nullable RouterException original) {
		if (original instanceof RouterUnreachableException unreachable) {
			return new RouterUnreachableException(router, unreachable.reason(), withoutRouter(router, unreachable),
					unreachable);
		}
		if (original instanceof RouterProtocolException protocol) {
			return new RouterProtocolException(router, withoutRouter(router, protocol), protocol);
		}
		return (original != null) ? original
				: new RouterUnreachableException(router, Reason.CONNECTION_LOST, "connection closed", null);
	}

	/** The message without the router prefix the new exception adds again. */
	private static String withoutRouter(String router, RouterException exception) {
		String message = String.valueOf(exception.getMessage());
		String prefix = router + ": ";
		return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
	}

}
