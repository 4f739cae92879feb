package io.towerline.api.throttling;

import io.towerline.api.security.TowerlineAuthentication;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who pays for an operation: a tenant (or the platform admins' realm) and, when the token
 * names one, the OAuth client acting for it.
 *
 * @param tenant the tenant slug, or the platform realm's name
 * @param platform whether {@code tenant} is the platform realm
 * @param client the OAuth client id ({@code client_id}, else {@code azp}), if the token
 * has one
 */
record Caller(String tenant, boolean platform, @Nullable String client) {

	static Caller of(TowerlineAuthentication authentication, String platformTenant) {
		Jwt jwt = authentication.getToken();
		String client = jwt.getClaimAsString("client_id");
		if (client == null || client.isBlank()) {
			client = jwt.getClaimAsString("azp");
		}
		return new Caller(authentication.tenant(), platformTenant.equals(authentication.tenant()),
				(client == null || client.isBlank()) ? null : client);
	}

}
