package io.towerline.core.credentials;

import java.util.Arrays;

import io.towerline.mikrotik.credentials.CredentialVault;
import io.towerline.mikrotik.credentials.SealedCredential;
import io.towerline.mikrotik.credentials.UsernamePassword;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place that seals, replaces, reveals and discards passwords (router logins and
 * PPPoE secrets) in step with the caller's transaction. Only the opaque reference is
 * stored: a reference sealed in a transaction that rolls back is discarded, and a
 * replaced or deleted one only once the change has committed, so the stored reference
 * always points at a live secret.
 */
@Component
public class SealedSecrets {

	private final CredentialVault vault;

	SealedSecrets(CredentialVault vault) {
		this.vault = vault;
	}

	/**
	 * Seals a password and wipes the given array; the sealed secret is discarded again if
	 * the current transaction rolls back.
	 * @return the reference to store
	 */
	public String seal(String username, char[] password) {
		UsernamePassword credentials = new UsernamePassword(username, password);
		try {
			SealedCredential sealed = this.vault.seal(credentials);
			afterCompletion(sealed, false);
			return sealed.reference();
		}
		finally {
			credentials.wipe();
			Arrays.fill(password, '\0');
		}
	}

	/**
	 * Seals a new password in place of {@code previous}: the new secret is discarded on
	 * rollback, the previous one on commit.
	 * @return the reference to store instead of {@code previous}
	 */
	public String replace(String previous, String username, char[] password) {
		String reference = seal(username, password);
		discardAfterCommit(previous);
		return reference;
	}

	/** The password in clear; the caller must not keep it longer than it needs it. */
	public String reveal(String reference) {
		UsernamePassword credentials = this.vault.unseal(new SealedCredential(reference));
		char[] password = credentials.password();
		try {
			return new String(password);
		}
		finally {
			Arrays.fill(password, '\0');
			credentials.wipe();
		}
	}

	/**
	 * Discards the secret once the current transaction commits (its owner was deleted or
	 * given a new one); at once when there is no transaction.
	 */
	public void discardAfterCommit(String reference) {
		afterCompletion(new SealedCredential(reference), true);
	}

	private void afterCompletion(SealedCredential sealed, boolean onCommit) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			if (onCommit) {
				this.vault.discard(sealed);
			}
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if ((status == STATUS_COMMITTED) == onCommit) {
					SealedSecrets.this.vault.discard(sealed);
				}
			}
		});
	}

}
