package io.towerline.core.credentials;

import java.net.URI;
import java.util.Map;

import io.towerline.mikrotik.credentials.CredentialVault;
import io.towerline.mikrotik.credentials.LocalAesGcmCredentialVault;
import io.towerline.mikrotik.credentials.vault.VaultCredentialStore;
import io.towerline.mikrotik.credentials.vault.VaultLogin;
import io.towerline.mikrotik.credentials.vault.VaultSettings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Picks the sealing backend from {@code towerline.credentials.backend}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CredentialProperties.class)
class CredentialVaultConfiguration {

	/**
	 * The local key is read through Spring's environment (which holds the process
	 * environment), so a key given as a property or by a test counts the same as the
	 * variable the production check asks for.
	 */
	@Bean
	CredentialVault credentialVault(CredentialProperties properties, Environment environment) {
		return switch (properties.backend()) {
			case "local" -> {
				String key = environment.getProperty(LocalAesGcmCredentialVault.KEY_VARIABLE);
				yield LocalAesGcmCredentialVault.fromEnvironmentOrKeyFile(
						(key != null) ? Map.of(LocalAesGcmCredentialVault.KEY_VARIABLE, key) : Map.of(),
						properties.localKeyFile());
			}
			case "vault" -> VaultCredentialStore.connect(vaultSettings(properties.vault()));
			default -> throw new IllegalStateException(
					"towerline.credentials.backend must be 'local' or 'vault', not '" + properties.backend() + "'");
		};
	}

	private static VaultSettings vaultSettings(CredentialProperties.Vault vault) {
		if (vault.address() == null) {
			throw new IllegalStateException("towerline.credentials.vault.address is required with the vault backend");
		}
		VaultLogin login = switch (vault.authentication()) {
			case "token" -> new VaultLogin.Token(required(vault.token(), "token"));
			case "approle" ->
				new VaultLogin.AppRole(required(vault.roleId(), "role-id"), required(vault.secretId(), "secret-id"));
			case "kubernetes" -> new VaultLogin.Kubernetes(required(vault.kubernetesRole(), "kubernetes-role"));
			default -> throw new IllegalStateException(
					"towerline.credentials.vault.authentication must be token, approle or kubernetes");
		};
		VaultSettings settings = VaultSettings.of(URI.create(vault.address()), login);
		if (vault.mount() != null || vault.pathPrefix() != null) {
			settings = new VaultSettings(settings.address(), login,
					(vault.mount() != null) ? vault.mount() : settings.mount(),
					(vault.pathPrefix() != null) ? vault.pathPrefix() : settings.pathPrefix(), settings.cacheTtl(),
					settings.requestTimeout());
		}
		return (vault.cacheTtl() != null) ? settings.withCacheTtl(vault.cacheTtl()) : settings;
	}

	private static String required(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("towerline.credentials.vault." + name + " is required");
		}
		return value;
	}

}
