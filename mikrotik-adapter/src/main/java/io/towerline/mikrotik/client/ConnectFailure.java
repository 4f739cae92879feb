package io.towerline.mikrotik.client;

import io.towerline.mikrotik.RouterAuthenticationException;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;

/**
 * What a failed connection attempt (connect, TLS handshake, login) tells the caller (ADR
 * 0212). Until a RouterOS API has answered a login, every failure reads the same:
 * refused, timed out, reset, closed, not TLS, or not speaking the API protocol would
 * otherwise tell a tenant which ports of which hosts are open from the platform's
 * network. The cause (kept as the exception's cause) has the detail for the platform's
 * own log. A refused login and an untrusted certificate stay what they are: only a
 * RouterOS login and a presented certificate can produce them, and the ISP has to know
 * which to fix.
 */
final class ConnectFailure {

	private ConnectFailure() {
	}

	static RouterException uniform(RouterEndpoint endpoint, RouterException failure) {
		if (failure instanceof RouterAuthenticationException) {
			return failure;
		}
		if (failure instanceof RouterUnreachableException unreachable
				&& (unreachable.reason() == Reason.TLS_UNTRUSTED || unreachable.reason() == Reason.CLIENT_CLOSED)) {
			return failure;
		}
		return new RouterUnreachableException(endpoint.address(), Reason.CONNECT_FAILED, MESSAGE, failure);
	}

	/** The one message of every connection attempt that found no RouterOS API. */
	static final String MESSAGE = "no RouterOS API answered the login";

}
