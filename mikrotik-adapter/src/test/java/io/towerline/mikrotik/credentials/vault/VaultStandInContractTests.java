package io.towerline.mikrotik.credentials.vault;

import java.io.IOException;
import java.net.URI;

import org.junit.jupiter.api.AfterEach;

/** The stand-in holds to Vault's KV v2 contract (always runs). */
class VaultStandInContractTests extends VaultKv2Contract {

	private final VaultStandIn vault = new VaultStandIn();

	VaultStandInContractTests() throws IOException {
	}

	@AfterEach
	void stop() {
		this.vault.close();
	}

	@Override
	URI address() {
		return this.vault.address();
	}

	@Override
	String token() {
		return VaultStandIn.ROOT_TOKEN;
	}

}
