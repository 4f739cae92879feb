package io.towerline.api.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * One authentication manager per trusted issuer, picked by the token's {@code iss}. An
 * unknown issuer gets no manager, hence 401. Each manager verifies the signature with an
 * RS256-only decoder (so {@code alg: none} and HS256 with a public key fail), then
 * validates time, issuer, optional audience and the tenant claim.
 */
final class IssuerAuthenticationManagers implements AuthenticationManagerResolver<String> {

	private final Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();

	IssuerAuthenticationManagers(SecurityProperties properties, List<InProcessIssuer> inProcessIssuers) {
		for (SecurityProperties.TrustedIssuer issuer : properties.issuers()) {
			ClaimMapping mapping = new ClaimMapping(issuer.tenantClaim(), issuer.rolesClaim(),
					properties.platformTenant());
			OAuth2TokenValidator<Jwt> validator = validator(issuer.issuerUri(), issuer.audience(), mapping, List.of());
			this.managers.put(issuer.issuerUri(), manager(decoder(issuer, validator), mapping));
		}
		for (InProcessIssuer issuer : inProcessIssuers) {
			ClaimMapping mapping = new ClaimMapping("tenant", "roles", properties.platformTenant());
			issuer.decoder().setJwtValidator(validator(issuer.issuer(), null, mapping, issuer.validators()));
			this.managers.put(issuer.issuer(), manager(issuer.decoder(), mapping));
		}
	}

	@Override
	public @Nullable AuthenticationManager resolve(String issuer) {
		return this.managers.get(issuer);
	}

	private static AuthenticationManager manager(JwtDecoder decoder, ClaimMapping mapping) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(mapping::convert);
		return provider::authenticate;
	}

	private static OAuth2TokenValidator<Jwt> validator(String issuer, @Nullable String audience, ClaimMapping mapping,
			List<OAuth2TokenValidator<Jwt>> extra) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(JwtValidators.createDefaultWithIssuer(issuer));
		if (audience != null && !audience.isBlank()) {
			validators.add(new JwtClaimValidator<List<String>>("aud", (aud) -> aud != null && aud.contains(audience)));
		}
		validators.add(mapping);
		validators.addAll(extra);
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	private static JwtDecoder decoder(SecurityProperties.TrustedIssuer issuer, OAuth2TokenValidator<Jwt> validator) {
		Supplier<NimbusJwtDecoder> build;
		Resource publicKey = issuer.publicKeyLocation();
		String jwkSetUri = issuer.jwkSetUri();
		if (publicKey != null) {
			build = () -> NimbusJwtDecoder.withPublicKey(readPublicKey(publicKey))
				.signatureAlgorithm(SignatureAlgorithm.RS256)
				.build();
		}
		else if (jwkSetUri != null && !jwkSetUri.isBlank()) {
			build = () -> NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		}
		else {
			build = () -> NimbusJwtDecoder.withIssuerLocation(issuer.issuerUri())
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.build();
		}
		// built on the first token of this issuer, so start-up never waits on an identity
		// provider
		return new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = build.get();
			decoder.setJwtValidator(validator);
			return decoder;
		});
	}

	static RSAPublicKey readPublicKey(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
				.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
				.replaceAll("\\s", "");
			X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(pem));
			return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read public key " + resource, ex);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Not an RSA public key in PEM form: " + resource, ex);
		}
	}

}
