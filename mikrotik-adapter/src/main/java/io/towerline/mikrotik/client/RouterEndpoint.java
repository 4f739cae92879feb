package io.towerline.mikrotik.client;

import io.towerline.mikrotik.credentials.CredentialSource;

/**
 * Where a router's API is and how to log in.
 *
 * @param host name or address
 * @param port 8728 for plain API, 8729 for API-SSL by default
 * @param tls how the connection is protected
 * @param credentials a direct login or a sealed reference resolved at connect time
 */
public record RouterEndpoint(String host, int port, RouterTls tls, CredentialSource credentials) {

	public static final int API_PORT = 8728;

	public static final int API_SSL_PORT = 8729;

	public RouterEndpoint {
		if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalArgumentException("router host must be a name or address");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("router port must be 1-65535");
		}
	}

	/** Plain API on 8728. */
	public static RouterEndpoint plain(String host, CredentialSource credentials) {
		return new RouterEndpoint(host, API_PORT, RouterTls.none(), credentials);
	}

	/** API-SSL on 8729. */
	public static RouterEndpoint apiSsl(String host, RouterTls tls, CredentialSource credentials) {
		return new RouterEndpoint(host, API_SSL_PORT, tls, credentials);
	}

	public RouterEndpoint withPort(int port) {
		return new RouterEndpoint(this.host, port, this.tls, this.credentials);
	}

	/** {@code host:port}, the router's name in messages, metrics and the audit log. */
	public String address() {
		return (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
	}

}
