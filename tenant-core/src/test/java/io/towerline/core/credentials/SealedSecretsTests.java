package io.towerline.core.credentials;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.mikrotik.credentials.CredentialVault;
import io.towerline.mikrotik.credentials.CredentialVaultException;
import io.towerline.mikrotik.credentials.SealedCredential;
import io.towerline.mikrotik.credentials.UsernamePassword;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SealedSecretsTests {

	private final RecordingVault vault = new RecordingVault();

	private final SealedSecrets secrets = new SealedSecrets(this.vault);

	@BeforeEach
	void beginTransaction() {
		TransactionSynchronizationManager.initSynchronization();
	}

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void shouldKeepWhatItSealedWhenTheTransactionCommits() {
		String reference = this.secrets.seal("alice", "s3cret".toCharArray());
		complete(TransactionSynchronization.STATUS_COMMITTED);
		assertThat(this.secrets.reveal(reference)).isEqualTo("s3cret");
	}

	@Test
	void shouldDiscardWhatItSealedWhenTheTransactionRollsBack() {
		String reference = this.secrets.seal("alice", "s3cret".toCharArray());
		complete(TransactionSynchronization.STATUS_ROLLED_BACK);
		assertThat(this.vault.discarded).containsExactly(reference);
		assertThatExceptionOfType(CredentialVaultException.class).isThrownBy(() -> this.secrets.reveal(reference));
	}

	@Test
	void shouldDiscardThePreviousSecretOnlyOnceTheReplacementCommits() {
		String previous = sealCommitted("old-pass");
		String replacement = this.secrets.replace(previous, "alice", "new-pass".toCharArray());
		assertThat(this.vault.discarded).isEmpty();
		complete(TransactionSynchronization.STATUS_COMMITTED);
		assertThat(this.vault.discarded).containsExactly(previous);
		assertThat(this.secrets.reveal(replacement)).isEqualTo("new-pass");
	}

	@Test
	void shouldKeepThePreviousSecretWhenTheReplacementRollsBack() {
		String previous = sealCommitted("old-pass");
		String replacement = this.secrets.replace(previous, "alice", "new-pass".toCharArray());
		complete(TransactionSynchronization.STATUS_ROLLED_BACK);
		assertThat(this.vault.discarded).containsExactly(replacement);
		assertThat(this.secrets.reveal(previous)).isEqualTo("old-pass");
	}

	@Test
	void shouldDiscardADeletedOwnersSecretOnlyAfterCommit() {
		String reference = sealCommitted("s3cret");
		this.secrets.discardAfterCommit(reference);
		assertThat(this.vault.discarded).isEmpty();
		complete(TransactionSynchronization.STATUS_ROLLED_BACK);
		assertThat(this.vault.discarded).isEmpty();
		assertThat(this.secrets.reveal(reference)).isEqualTo("s3cret");
	}

	@Test
	void shouldDiscardAtOnceWhenThereIsNoTransaction() {
		String reference = sealCommitted("s3cret");
		TransactionSynchronizationManager.clearSynchronization();
		this.secrets.discardAfterCommit(reference);
		assertThat(this.vault.discarded).containsExactly(reference);
	}

	@Test
	void shouldWipeTheCallersPassword() {
		char[] password = "s3cret".toCharArray();
		this.secrets.seal("alice", password);
		assertThat(password).containsOnly('\0');
	}

	private String sealCommitted(String password) {
		String reference = this.secrets.seal("alice", password.toCharArray());
		complete(TransactionSynchronization.STATUS_COMMITTED);
		TransactionSynchronizationManager.initSynchronization();
		return reference;
	}

	private static void complete(int status) {
		List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		if (status == TransactionSynchronization.STATUS_COMMITTED) {
			TransactionSynchronizationUtils.invokeAfterCommit(synchronizations);
		}
		TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, status);
	}

	/** Keeps sealed secrets in memory and remembers what was discarded. */
	static final class RecordingVault implements CredentialVault {

		private final Map<String, UsernamePassword> sealed = new HashMap<>();

		final List<String> discarded = new ArrayList<>();

		@Override
		public SealedCredential seal(UsernamePassword credentials) {
			String reference = "test:" + UUID.randomUUID();
			this.sealed.put(reference, new UsernamePassword(credentials.username(), credentials.password()));
			return new SealedCredential(reference);
		}

		@Override
		public UsernamePassword unseal(SealedCredential sealed) {
			UsernamePassword credentials = this.sealed.get(sealed.reference());
			if (credentials == null) {
				throw new CredentialVaultException("unknown reference", null);
			}
			return new UsernamePassword(credentials.username(), credentials.password());
		}

		@Override
		public void discard(SealedCredential sealed) {
			this.sealed.remove(sealed.reference());
			this.discarded.add(sealed.reference());
		}

	}

}
