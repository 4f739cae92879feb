package io.towerline.mikrotik.credentials;

import java.util.Arrays;

/**
 * A username and its password: a router's API login, or a subscriber's PPPoE secret
 * sealed by the same vault. The password is a {@code char[]} so holders can wipe it;
 * {@link #toString()} never shows it.
 */
public final class UsernamePassword implements CredentialSource {

	private final String username;

	private final char[] password;

	/** Copies the password; the caller may wipe its own array afterwards. */
	public UsernamePassword(String username, char[] password) {
		if (username.isEmpty() || username.chars().anyMatch((c) -> c < 0x20 || c == 0x7F)) {
			throw new IllegalArgumentException("a username must be non-empty and free of control characters");
		}
		this.username = username;
		this.password = password.clone();
	}

	public String username() {
		return this.username;
	}

	/** A copy of the password; wipe it when done. */
	public char[] password() {
		return this.password.clone();
	}

	/** Overwrites the password held by this object. */
	public void wipe() {
		Arrays.fill(this.password, '\0');
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof UsernamePassword that && this.username.equals(that.username)
				&& Arrays.equals(this.password, that.password);
	}

	@Override
	public int hashCode() {
		return this.username.hashCode();
	}

	@Override
	public String toString() {
		return "UsernamePassword[username=" + this.username + ", password=***]";
	}

}
