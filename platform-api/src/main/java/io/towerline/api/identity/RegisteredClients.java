package io.towerline.api.identity;

import java.util.List;
import java.util.TreeSet;

import io.towerline.core.identity.ApiClient;
import io.towerline.core.identity.ApiClientRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients the authorization server knows: the single-page app (a public client with
 * PKCE, from configuration) and every API client that is not revoked (client credentials,
 * from the database, secret checked against its hash). A client's id is its client id.
 */
final class RegisteredClients implements RegisteredClientRepository {

	private final RegisteredClient webClient;

	private final ApiClientRegistry apiClients;

	private final IdentityProperties properties;

	RegisteredClients(IdentityProperties properties, ApiClientRegistry apiClients) {
		this.properties = properties;
		this.apiClients = apiClients;
		IdentityProperties.WebClient web = properties.webClient();
		this.webClient = RegisteredClient.withId(web.clientId())
			.clientId(web.clientId())
			.clientName("Towerline web app")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(web.redirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(SignedOutPage.besideEach(web.redirectUris())))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(properties.accessTokenTtl())
				.refreshTokenTimeToLive(web.refreshTokenTtl())
				.reuseRefreshTokens(false)
				.build())
			.build();
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("API clients are created through the GraphQL API");
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		return findByClientId(id);
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		if (this.webClient.getClientId().equals(clientId)) {
			return this.webClient;
		}
		return this.apiClients.findByClientId(clientId)
			.filter((client) -> !client.revoked())
			.map(this::registered)
			.orElse(null);
	}

	private RegisteredClient registered(ApiClient client) {
		return RegisteredClient.withId(client.clientId())
			.clientId(client.clientId())
			.clientSecret(client.secretHash())
			.clientName(client.name())
			.clientIdIssuedAt(client.createdAt())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientSettings(ClientSettings.builder()
				.setting(TokenClaimNames.CLIENT_TENANT_SETTING, client.tenant().slug())
				.setting(TokenClaimNames.CLIENT_ROLES_SETTING, List.copyOf(new TreeSet<>(client.roles())))
				.build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(this.properties.accessTokenTtl()).build())
			.build();
	}

}
