package io.towerline.mikrotik.credentials;

/**
 * Seals usernames and passwords (router logins, PPPoE secrets) into a reference the
 * platform can store, and unseals them when a connection is opened. Two technologies
 * implement it: {@link LocalAesGcmCredentialVault} (embedded default) and
 * {@code VaultCredentialStore} (HashiCorp Vault, production).
 */
public interface CredentialVault {

	/**
	 * @return a reference that reveals nothing about the password
	 */
	SealedCredential seal(UsernamePassword credentials);

	/**
	 * @throws CredentialVaultException when the reference is unknown, tampered with, or
	 * the vault is unavailable
	 */
	UsernamePassword unseal(SealedCredential sealed);

	/**
	 * Forgets the credentials (router or subscriber deleted). Unknown references are
	 * ignored.
	 */
	void discard(SealedCredential sealed);

}
