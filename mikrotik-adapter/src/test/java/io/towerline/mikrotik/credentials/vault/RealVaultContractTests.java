package io.towerline.mikrotik.credentials.vault;

import java.net.URI;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same contract against a real Vault, so the stand-in can be checked against the real
 * thing where one exists: {@code vault server -dev -dev-root-token-id=root}, then
 * {@code VAULT_ADDR=http://127.0.0.1:8200 VAULT_TOKEN=root ./mvnw -pl mikrotik-adapter
 * test -Dtest=RealVaultContractTests}. Skipped without {@code VAULT_ADDR}.
 */
@EnabledIfEnvironmentVariable(named = "VAULT_ADDR", matches = ".+")
class RealVaultContractTests extends VaultKv2Contract {

	@Override
	URI address() {
		return URI.create(System.getenv("VAULT_ADDR"));
	}

	@Override
	String token() {
		String token = System.getenv("VAULT_TOKEN");
		return (token != null) ? token : "root";
	}

}
