package io.towerline.mikrotik.credentials;

/**
 * The opaque reference the platform stores instead of a router password, e.g.
 * {@code local:v1:...} (the ciphertext itself, useless without the key) or
 * {@code vault:kv2:secret/towerline/routers/<uuid>} (a path in Vault).
 *
 * @param reference the reference as returned by {@link CredentialVault#seal}
 */
public record SealedCredential(String reference) implements CredentialSource {

	public SealedCredential {
		if (reference.isBlank()) {
			throw new IllegalArgumentException("a sealed credential reference must not be blank");
		}
	}

	/** The vault that produced it: {@code local} or {@code vault}. */
	public String scheme() {
		int colon = this.reference.indexOf(':');
		return (colon > 0) ? this.reference.substring(0, colon) : "";
	}

}
