package io.towerline.mikrotik.credentials;

import org.jspecify.annotations.Nullable;

/**
 * Sealing or unsealing failed. The message names the reference's scheme and the reason,
 * never a secret.
 */
public class CredentialVaultException extends RuntimeException {

	public CredentialVaultException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
