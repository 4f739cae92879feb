package io.towerline.api.identity;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded authorization server.
 *
 * @param enabled whether it runs (turn off when only external issuers are trusted)
 * @param issuer its {@code iss}, the URL people and clients reach it at; stable across
 * restarts
 * @param accessTokenTtl lifetime of access tokens
 * @param revocationCacheTtl how long a user's or client's status is cached; a disabled
 * user or revoked client is refused within this time on other replicas (at once on this
 * one)
 * @param retiredKeyRetention how long a rotated-out signing key is still published
 * @param keyEncryptionKey base64 AES key (16 or 32 bytes) sealing the private signing
 * keys; generated beside the data when unset (embedded mode only)
 * @param webClient the single-page app's client
 * @param firstAdmin the platform admin created on first run
 * @param sweepInterval how often the authorizations whose codes and tokens have all
 * expired are deleted
 */
@ConfigurationProperties("towerline.identity")
public record IdentityProperties(boolean enabled, String issuer, Duration accessTokenTtl, Duration revocationCacheTtl,
		Duration retiredKeyRetention, @Nullable String keyEncryptionKey, WebClient webClient, FirstAdmin firstAdmin,
		Duration sweepInterval) {

	public IdentityProperties {
		if (issuer == null || issuer.isBlank()) {
			issuer = "http://localhost:8080";
		}
		if (accessTokenTtl == null) {
			accessTokenTtl = Duration.ofMinutes(10);
		}
		if (revocationCacheTtl == null) {
			revocationCacheTtl = Duration.ofSeconds(5);
		}
		if (retiredKeyRetention == null) {
			retiredKeyRetention = Duration.ofDays(1);
		}
		if (webClient == null) {
			webClient = new WebClient(null, null, null);
		}
		if (firstAdmin == null) {
			firstAdmin = new FirstAdmin(null, null, null);
		}
		if (sweepInterval == null) {
			sweepInterval = Duration.ofHours(1);
		}
	}

	/**
	 * The single-page app: a public client using authorization code with PKCE.
	 *
	 * @param clientId its client id
	 * @param redirectUris where codes may be sent (loopback addresses as IP literals)
	 * @param refreshTokenTtl lifetime of refresh tokens, for confidential clients only
	 */
	public record WebClient(String clientId, List<String> redirectUris, Duration refreshTokenTtl) {

		public WebClient {
			if (clientId == null || clientId.isBlank()) {
				clientId = "towerline-web";
			}
			if (redirectUris == null || redirectUris.isEmpty()) {
				redirectUris = List.of("http://127.0.0.1:8080/auth/callback", "http://127.0.0.1:5173/auth/callback");
			}
			redirectUris = List.copyOf(redirectUris);
			if (refreshTokenTtl == null) {
				refreshTokenTtl = Duration.ofHours(8);
			}
		}

	}

	/**
	 * The platform admin created when the platform realm has no user yet.
	 *
	 * @param username its user name
	 * @param email its e-mail address
	 * @param password its password; when unset one is generated and printed once to the
	 * console
	 */
	public record FirstAdmin(String username, String email, @Nullable String password) {

		public FirstAdmin {
			if (username == null || username.isBlank()) {
				username = "admin";
			}
			if (email == null || email.isBlank()) {
				email = "admin@localhost";
			}
		}

		@Override
		public String toString() {
			return "FirstAdmin[" + this.username + "]";
		}

	}

	@Override
	public String toString() {
		return "IdentityProperties[issuer=" + this.issuer + ", enabled=" + this.enabled + "]";
	}

}
