package io.towerline.mikrotik.credentials;

/**
 * Seals router credentials into a reference the platform can store, and unseals them when
 * a connection is opened. Two technologies implement it:
 * {@link LocalAesGcmCredentialVault} (embedded default) and {@code VaultCredentialStore}
 * (HashiCorp Vault, production).
 */
public interface CredentialVault {

	/**
	 * @return a reference that reveals nothing about the password
	 */
	SealedCredential seal(RouterCredentials credentials);

	/**
	 * @throws CredentialVaultException when the reference is unknown, tampered with, or
	 * the vault is unavailable
	 */
	RouterCredentials unseal(SealedCredential sealed);

	/** Forgets the credentials (router deleted). Unknown references are ignored. */
	void discard(SealedCredential sealed);

}
