package io.towerline.mikrotik.credentials.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.towerline.mikrotik.credentials.CredentialVaultException;
import io.towerline.mikrotik.credentials.SealedCredential;
import io.towerline.mikrotik.credentials.UsernamePassword;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The store's AppRole and Kubernetes logins against the stand-in: a good login gets a
 * token that works, a bad one is refused without leaking what was sent, a token is
 * renewed before it lapses, and a lapsed session logs in again.
 */
class VaultLoginFlowTests {

	private final VaultStandIn vault = new VaultStandIn();

	private VaultCredentialStore store;

	VaultLoginFlowTests() throws IOException {
	}

	@AfterEach
	void stop() {
		if (this.store != null) {
			this.store.close();
		}
		this.vault.close();
	}

	@Test
	void shouldRefuseAWrongAppRoleSecretWithoutEchoingIt() {
		this.store = VaultCredentialStore.connect(settings(new VaultLogin.AppRole("role-1", "wrong-secret-id")));

		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.store.seal(new UsernamePassword("api", "pw".toCharArray())))
			.satisfies((ex) -> assertThat(String.valueOf(ex.getMessage())).doesNotContain("wrong-secret-id"));
		assertThat(this.vault.secrets()).isEmpty();
		assertThat(this.vault.logins.get()).isZero();
	}

	@Test
	void shouldLogInWithTheServiceAccountTokenAndRefuseAnotherRole(@TempDir Path directory) throws IOException {
		Path jwt = Files.writeString(directory.resolve("token"), "k8s-jwt");
		this.store = VaultCredentialStore.connect(settings(new VaultLogin.Kubernetes("towerline", jwt, "kubernetes")));
		SealedCredential sealed = this.store.seal(new UsernamePassword("api", "pw".toCharArray()));

		assertThat(this.store.unseal(sealed).username()).isEqualTo("api");
		assertThat(this.vault.requests).containsSubsequence("POST auth/kubernetes/login",
				"POST secret/data/" + sealed.reference().substring("vault:kv2:".length()));
		this.store.close();
		this.store = VaultCredentialStore.connect(settings(new VaultLogin.Kubernetes("other-role", jwt, "kubernetes")));
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.store.unseal(sealed));
	}

	@Test
	void shouldRenewAShortLivedTokenSoItNeverLapses() {
		// Spring Vault renews 5 s before expiry and treats a TTL under 7 s as already
		// lapsed
		this.vault.leaseSeconds = 10;
		this.store = VaultCredentialStore
			.connect(settings(new VaultLogin.AppRole("role-1", "secret-1")).withCacheTtl(Duration.ZERO));
		SealedCredential sealed = this.store.seal(new UsernamePassword("api", "pw".toCharArray()));

		await().atMost(Duration.ofSeconds(30)).until(() -> this.vault.renewals.get() >= 2);
		assertThat(this.store.unseal(sealed).username()).isEqualTo("api");
		assertThat(this.vault.logins.get()).as("renewed, never logged in again").isEqualTo(1);
	}

	@Test
	void shouldLogInAgainAfterTheSessionTokenIsRevoked() {
		this.store = VaultCredentialStore
			.connect(settings(new VaultLogin.AppRole("role-1", "secret-1")).withCacheTtl(Duration.ZERO));
		SealedCredential sealed = this.store.seal(new UsernamePassword("api", "pw".toCharArray()));
		this.vault.revokeAll();

		assertThat(this.store.unseal(sealed).username()).isEqualTo("api");
		assertThat(this.vault.logins.get()).isEqualTo(2);
		this.vault.denySecrets = true;
		assertThatExceptionOfType(CredentialVaultException.class).isThrownBy(() -> this.store.unseal(sealed))
			.withMessageContaining("403");
	}

	private VaultSettings settings(VaultLogin login) {
		return VaultSettings.of(this.vault.address(), login);
	}

}
