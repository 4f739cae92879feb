package io.towerline.core.identity;

import org.jspecify.annotations.Nullable;

/**
 * A user or API client together with a secret generated for it, to be shown to the caller
 * once and never stored in clear. {@link #toString()} leaves the secret out, so that an
 * accidental log line cannot leak it.
 *
 * @param <T> what the secret belongs to
 * @param value the user or API client
 * @param secret the generated password or client secret, in clear; null when the caller
 * chose the password
 */
public record Issued<T>(T value, @Nullable String secret) {

	@Override
	public String toString() {
		return "Issued[" + this.value + ", secret=" + ((this.secret != null) ? "<redacted>" : "none") + "]";
	}

}
