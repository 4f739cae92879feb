package io.towerline.api.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import io.towerline.core.identity.AccessEpoch;
import io.towerline.core.identity.ApiClient;
import io.towerline.core.identity.ApiClientRegistry;
import io.towerline.core.identity.PrincipalKind;
import io.towerline.core.identity.UserAccount;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.tenancy.TenantId;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * What the embedded authorization server puts in its tokens: the signing key's id, and
 * for users and API clients alike the {@code tenant}, {@code roles}, {@code kind} and
 * {@code access_epoch} claims the resource server maps and checks.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final SigningKeys keys;

	private final UserDirectory users;

	private final ApiClientRegistry clients;

	private final String platformTenant;

	TokenClaims(SigningKeys keys, UserDirectory users, ApiClientRegistry clients, String platformTenant) {
		this.keys = keys;
		this.users = users;
		this.clients = clients;
		this.platformTenant = platformTenant;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().keyId(this.keys.currentKeyId());
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			List<String> audience = new ArrayList<>(List.of(context.getRegisteredClient().getClientId()));
			audience.add(TokenClaimNames.API_AUDIENCE);
			context.getClaims().audience(audience);
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			RegisteredClient client = context.getRegisteredClient();
			Object tenant = client.getClientSettings().getSetting(TokenClaimNames.CLIENT_TENANT_SETTING);
			Object roles = client.getClientSettings().getSetting(TokenClaimNames.CLIENT_ROLES_SETTING);
			if (tenant == null || roles == null) {
				// only API clients may use client credentials; never mint a token without
				// a
				// tenant
				throw new IllegalStateException("Client " + client.getClientId() + " has no tenant");
			}
			ApiClient registered = this.clients.findByClientId(client.getClientId())
				.orElseThrow(() -> new IllegalStateException("Client " + client.getClientId() + " is not registered"));
			context.getClaims()
				.claim(TokenClaimNames.TENANT, tenant)
				.claim(TokenClaimNames.ROLES, storable((List<?>) roles))
				.claim(TokenClaimNames.KIND, kind(PrincipalKind.CLIENT))
				.claim(TokenClaimNames.CLIENT_ID, client.getClientId())
				.claim(TokenClaimNames.ACCESS_EPOCH, AccessEpoch.claimValue(registered.tokensValidAfter()));
			return;
		}
		UserAccount user = this.users.findByUsername(context.getPrincipal().getName())
			.orElseThrow(() -> new IllegalStateException("Signed-in user is not in the directory"));
		context.getClaims()
			.claim(TokenClaimNames.TENANT, user.tenant().map(TenantId::slug).orElse(this.platformTenant))
			.claim(TokenClaimNames.ROLES, storable(List.copyOf(new TreeSet<>(user.roles()))))
			.claim(TokenClaimNames.KIND, kind(PrincipalKind.USER))
			.claim(TokenClaimNames.ACCESS_EPOCH, AccessEpoch.claimValue(user.tokensValidAfter()));
	}

	/**
	 * The claims are stored with the authorization (ADR 0241) and read back through the
	 * type allowlist of Spring Security's Jackson modules, which takes an
	 * {@link ArrayList} but not the classes of {@code List.of}.
	 */
	private static List<?> storable(List<?> values) {
		return new ArrayList<>(values);
	}

	private static String kind(PrincipalKind kind) {
		return kind.name().toLowerCase(Locale.ROOT);
	}

}
