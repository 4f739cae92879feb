package io.towerline.core.credentials;

import java.nio.file.Path;
import java.time.Duration;

import io.towerline.mikrotik.credentials.LocalAesGcmCredentialVault;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Credential sealing settings.
 *
 * @param backend {@code local} (AES-GCM key from {@code TOWERLINE_CREDENTIAL_KEY} or a
 * key file) or {@code vault}
 * @param localKeyFile the key file of the local backend; generated (owner-only) on first
 * run when missing
 * @param vault HashiCorp Vault settings
 */
@ConfigurationProperties("towerline.credentials")
public record CredentialProperties(String backend, Path localKeyFile, Vault vault) {

	/** The environment variable holding the local backend's key (base64). */
	public static final String LOCAL_KEY_VARIABLE = LocalAesGcmCredentialVault.KEY_VARIABLE;

	public CredentialProperties {
		if (localKeyFile == null) {
			localKeyFile = Path.of(".towerline", "credential.key");
		}
		if (backend == null || backend.isBlank()) {
			backend = "local";
		}
		if (vault == null) {
			vault = new Vault(null, "token", null, null, null, null, null, null, null);
		}
	}

	/**
	 * HashiCorp Vault (KV v2).
	 *
	 * @param address Vault's URL
	 * @param authentication {@code token}, {@code approle} or {@code kubernetes}
	 * @param token the token, for token authentication
	 * @param roleId AppRole role id
	 * @param secretId AppRole secret id
	 * @param kubernetesRole the Vault role for Kubernetes authentication
	 * @param mount the KV v2 mount
	 * @param pathPrefix where router credentials live under the mount
	 * @param cacheTtl how long unsealed credentials are cached
	 */
	public record Vault(@Nullable String address, String authentication, @Nullable String token,
			@Nullable String roleId, @Nullable String secretId, @Nullable String kubernetesRole, @Nullable String mount,
			@Nullable String pathPrefix, @Nullable Duration cacheTtl) {

		public Vault {
			if (authentication == null || authentication.isBlank()) {
				authentication = "token";
			}
		}

		@Override
		public String toString() {
			return "Vault[address=" + this.address + ", authentication=" + this.authentication + "]";
		}

	}

}
