package io.towerline.api.security;

import java.util.List;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * An issuer whose keys live in this process (the embedded authorization server, the local
 * issuer), so tokens are verified without any HTTP call. Its tokens carry the
 * {@code tenant} and {@code roles} claims.
 *
 * @param issuer the {@code iss} value
 * @param decoder an RS256-only decoder over the issuer's keys; its validator is set by
 * the API chain
 * @param validators checks beyond time, issuer and tenant claim (for example revocation)
 */
public record InProcessIssuer(String issuer, NimbusJwtDecoder decoder, List<OAuth2TokenValidator<Jwt>> validators) {

	public InProcessIssuer {
		validators = List.copyOf(validators);
	}

}
