package io.towerline.api.throttling;

import java.util.Arrays;

/**
 * An HTTP GraphQL request exactly as sent: its {@code Authorization} header and body. Two
 * equal keys are the same caller asking the same thing, at the same price.
 */
final class ReplayKey {

	/** The request attribute under which the filter hands the key to the interceptor. */
	static final String ATTRIBUTE = ReplayKey.class.getName();

	private final String authorization;

	private final byte[] body;

	private final int hash;

	ReplayKey(String authorization, byte[] body) {
		this.authorization = authorization;
		this.body = body;
		this.hash = 31 * authorization.hashCode() + Arrays.hashCode(body);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ReplayKey key && this.hash == key.hash && this.authorization.equals(key.authorization)
				&& Arrays.equals(this.body, key.body);
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

}
