package io.towerline.mikrotik.credentials.vault;

import java.net.URI;
import java.time.Duration;

/**
 * Where router credentials live in Vault.
 *
 * @param address e.g. {@code https://vault.internal:8200}
 * @param login how to authenticate
 * @param mount the KV v2 engine's mount, e.g. {@code secret}
 * @param pathPrefix under the mount, e.g. {@code towerline/routers}
 * @param cacheTtl how long an unsealed credential is reused (short: a rotated password
 * must win soon)
 * @param requestTimeout connect and read timeout of each Vault call
 */
public record VaultSettings(URI address, VaultLogin login, String mount, String pathPrefix, Duration cacheTtl,
		Duration requestTimeout) {

	public static VaultSettings of(URI address, VaultLogin login) {
		return new VaultSettings(address, login, "secret", "towerline/routers", Duration.ofSeconds(30),
				Duration.ofSeconds(5));
	}

	public VaultSettings withCacheTtl(Duration cacheTtl) {
		return new VaultSettings(this.address, this.login, this.mount, this.pathPrefix, cacheTtl, this.requestTimeout);
	}

}
