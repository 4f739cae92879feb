package io.towerline.api.webapp;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the web client signs people in. Read by the app at start from {@code /config.json},
 * so one build works against any issuer.
 *
 * @param issuer an external OpenID Connect issuer the app signs in with (its discovery
 * document is read by the browser, so the issuer must allow this origin); unset: the
 * embedded authorization server at the app's own origin
 * @param clientId the app's public client id at that issuer; unset: the embedded server's
 * web client id ({@code towerline.identity.web-client.client-id})
 * @param scope the scopes the app asks for
 */
@ConfigurationProperties("towerline.web")
public record WebClientProperties(@Nullable String issuer, @Nullable String clientId, String scope) {

	public WebClientProperties {
		if (issuer != null && issuer.isBlank()) {
			issuer = null;
		}
		if (clientId != null && clientId.isBlank()) {
			clientId = null;
		}
		if (scope == null || scope.isBlank()) {
			scope = "openid profile";
		}
	}

}
