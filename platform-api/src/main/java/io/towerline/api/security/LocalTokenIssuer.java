package io.towerline.api.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Mints tokens with the local signing key, for people trying Towerline on its embedded
 * defaults.
 */
public class LocalTokenIssuer {

	private final NimbusJwtEncoder encoder;

	private final SecurityProperties.LocalIssuer settings;

	private final String platformTenant;

	private final Clock clock;

	LocalTokenIssuer(RSAKey key, SecurityProperties properties, Clock clock) {
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		this.settings = properties.localIssuer();
		this.platformTenant = properties.platformTenant();
		this.clock = clock;
	}

	/** A signed access token for {@code subject} in {@code tenant} with {@code roles}. */
	public String issue(String subject, String tenant, Collection<Role> roles) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.settings.issuer())
			.subject(subject)
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(this.settings.tokenTtl()))
			.claim("tenant", tenant)
			.claim("roles", roles.stream().map(Role::name).toList())
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	String platformTenant() {
		return this.platformTenant;
	}

	long ttlSeconds() {
		return this.settings.tokenTtl().toSeconds();
	}

}
