package io.towerline.mikrotik.credentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalAesGcmCredentialVaultTests {

	@TempDir
	Path directory;

	@Test
	void shouldGenerateAnOwnerOnlyKeyOnFirstRunAndReuseIt() throws Exception {
		Path keyFile = this.directory.resolve("data/credential.key");
		LocalAesGcmCredentialVault first = LocalAesGcmCredentialVault.fromKeyFile(keyFile);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		SealedCredential sealed = first.seal(new UsernamePassword("admin", "pässwörd \"'=".toCharArray()));
		UsernamePassword unsealed = LocalAesGcmCredentialVault.fromKeyFile(keyFile).unseal(sealed);
		assertThat(unsealed.username()).isEqualTo("admin");
		assertThat(unsealed.password()).containsExactly("pässwörd \"'=".toCharArray());
	}

	@Test
	void shouldProduceOpaqueReferencesThatDifferEachTime() {
		LocalAesGcmCredentialVault vault = LocalAesGcmCredentialVault.fromKeyFile(this.directory.resolve("k"));
		UsernamePassword credentials = new UsernamePassword("admin", "hunter2".toCharArray());
		SealedCredential one = vault.seal(credentials);
		SealedCredential two = vault.seal(credentials);
		assertThat(one.reference()).startsWith("local:v1:").doesNotContain("hunter2").isNotEqualTo(two.reference());
		assertThat(one.scheme()).isEqualTo("local");
		assertThat(credentials.toString()).doesNotContain("hunter2");
	}

	@Test
	void shouldDetectTamperingAndForeignKeys() {
		LocalAesGcmCredentialVault vault = LocalAesGcmCredentialVault.fromKeyFile(this.directory.resolve("k"));
		SealedCredential sealed = vault.seal(new UsernamePassword("admin", "pw".toCharArray()));
		String reference = sealed.reference();
		char last = reference.charAt(reference.length() - 2);
		String tampered = reference.substring(0, reference.length() - 2) + (last == 'A' ? 'B' : 'A')
				+ reference.charAt(reference.length() - 1);
		assertThatExceptionOfType(CredentialVaultException.class)
			.isThrownBy(() -> vault.unseal(new SealedCredential(tampered)))
			.withMessageContaining("tampered");
		LocalAesGcmCredentialVault other = LocalAesGcmCredentialVault.fromKeyFile(this.directory.resolve("other"));
		assertThatExceptionOfType(CredentialVaultException.class).isThrownBy(() -> other.unseal(sealed))
			.withMessageContaining("another key");
	}

	@Test
	void shouldPreferTheKeyFromTheEnvironment() {
		String key = Base64.getEncoder().encodeToString(new byte[32]);
		Path keyFile = this.directory.resolve("unused.key");
		LocalAesGcmCredentialVault vault = LocalAesGcmCredentialVault
			.fromEnvironmentOrKeyFile(Map.of(LocalAesGcmCredentialVault.KEY_VARIABLE, key), keyFile);
		SealedCredential sealed = vault.seal(new UsernamePassword("a", "b".toCharArray()));
		assertThat(LocalAesGcmCredentialVault.fromBase64Key(key).unseal(sealed).username()).isEqualTo("a");
		assertThat(keyFile).doesNotExist();
		assertThatExceptionOfType(CredentialVaultException.class)
			.isThrownBy(() -> LocalAesGcmCredentialVault.fromBase64Key("c2hvcnQ="))
			.withMessageContaining("32 bytes");
	}

	@Test
	void shouldRefuseAKeyFileOthersCanRead() throws Exception {
		Path keyFile = this.directory.resolve("loose.key");
		Files.writeString(keyFile, Base64.getEncoder().encodeToString(new byte[32]));
		Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
		assertThatExceptionOfType(CredentialVaultException.class)
			.isThrownBy(() -> LocalAesGcmCredentialVault.fromKeyFile(keyFile))
			.withMessageContaining("chmod 600");
	}

}
