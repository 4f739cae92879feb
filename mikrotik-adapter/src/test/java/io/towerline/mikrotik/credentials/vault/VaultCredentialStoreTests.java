package io.towerline.mikrotik.credentials.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.towerline.mikrotik.credentials.CredentialVaultException;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.credentials.SealedCredential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class VaultCredentialStoreTests {

	private final VaultStandIn vault = new VaultStandIn();

	private VaultCredentialStore store;

	VaultCredentialStoreTests() throws IOException {
	}

	@AfterEach
	void stop() {
		if (this.store != null) {
			this.store.close();
		}
		this.vault.close();
	}

	@Test
	void shouldSealIntoKv2AndUnsealWithAppRole() {
		this.store = VaultCredentialStore.connect(settings(new VaultLogin.AppRole("role-1", "secret-1")));
		SealedCredential sealed = this.store.seal(new UsernamePassword("api", "p\"w'=!".toCharArray()));
		assertThat(sealed.reference()).startsWith("vault:kv2:towerline/routers/").doesNotContain("p\"w");
		String key = sealed.reference().substring("vault:kv2:".length());
		assertThat(this.vault.secrets().get(key)).containsEntry("username", "api").containsEntry("password", "p\"w'=!");
		UsernamePassword unsealed = this.store.unseal(sealed);
		assertThat(unsealed.username()).isEqualTo("api");
		assertThat(unsealed.password()).containsExactly("p\"w'=!".toCharArray());
		assertThat(this.vault.logins.get()).isEqualTo(1);
	}

	@Test
	void shouldServeRepeatedUnsealsFromTheShortCache() {
		this.store = VaultCredentialStore.connect(settings(new VaultLogin.AppRole("role-1", "secret-1")));
		SealedCredential sealed = this.store.seal(new UsernamePassword("api", "pw".toCharArray()));
		this.store.unseal(sealed);
		this.store.unseal(sealed);
		assertThat(this.vault.requests).filteredOn((request) -> request.startsWith("GET secret/data/")).hasSize(1);
		this.store.evictCache();
		this.store.unseal(sealed);
		assertThat(this.vault.requests).filteredOn((request) -> request.startsWith("GET secret/data/")).hasSize(2);
	}

	@Test
	void shouldLogInAgainWhenTheTokenWasRevoked() {
		this.store = VaultCredentialStore
			.connect(settings(new VaultLogin.AppRole("role-1", "secret-1")).withCacheTtl(Duration.ZERO));
		SealedCredential sealed = this.store.seal(new UsernamePassword("api", "pw".toCharArray()));
		this.vault.revokeAll();
		assertThat(this.store.unseal(sealed).username()).isEqualTo("api");
		assertThat(this.vault.logins.get()).isEqualTo(2);
	}

	@Test
	void shouldReportForbiddenSecretsAndMissingOnesClearly() {
		this.store = VaultCredentialStore.connect(settings(new VaultLogin.AppRole("role-1", "secret-1")));
		assertThatExceptionOfType(CredentialVaultException.class)
			.isThrownBy(() -> this.store.unseal(new SealedCredential("vault:kv2:towerline/routers/missing")))
			.withMessageContaining("no router credentials");
		this.vault.denySecrets = true;
		assertThatExceptionOfType(CredentialVaultException.class)
			.isThrownBy(() -> this.store.seal(new UsernamePassword("api", "pw".toCharArray())))
			.withMessageContaining("403")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("pw"));
		assertThatExceptionOfType(CredentialVaultException.class)
			.isThrownBy(() -> this.store.unseal(new SealedCredential("local:v1:abc:def")))
			.withMessageContaining("scheme local");
	}

	@Test
	void shouldRenewTheTokenBeforeItExpires() {
		this.vault.leaseSeconds = 7;
		this.store = VaultCredentialStore.connect(settings(new VaultLogin.AppRole("role-1", "secret-1")));
		this.store.seal(new UsernamePassword("api", "pw".toCharArray()));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.vault.renewals.get() >= 1);
	}

	@Test
	void shouldLogInWithAStaticTokenAndWithKubernetes(@TempDir Path directory) throws IOException {
		this.vault.addToken("s.static");
		this.store = VaultCredentialStore.connect(settings(new VaultLogin.Token("s.static")));
		SealedCredential sealed = this.store.seal(new UsernamePassword("api", "pw".toCharArray()));
		this.store.close();
		Path jwt = Files.writeString(directory.resolve("token"), "k8s-jwt");
		this.store = VaultCredentialStore.connect(settings(new VaultLogin.Kubernetes("towerline", jwt, "kubernetes")));
		assertThat(this.store.unseal(sealed).username()).isEqualTo("api");
		assertThat(this.vault.requests).contains("POST auth/kubernetes/login");
		this.store.discard(sealed);
		assertThat(this.vault.secrets()).isEmpty();
	}

	@Test
	void shouldNeverPrintSecretsInLoginSettings() {
		assertThat(new VaultLogin.Token("s.secret-token").toString()).doesNotContain("secret-token");
		assertThat(new VaultLogin.AppRole("role", "the-secret-id").toString()).doesNotContain("the-secret-id");
	}

	private VaultSettings settings(VaultLogin login) {
		return VaultSettings.of(this.vault.address(), login);
	}

}
