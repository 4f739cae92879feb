package io.towerline.api.security;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import io.towerline.api.embedded.EmbeddedProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The embedded mode's local issuer: a signing key beside the data, a decoder that trusts
 * it, and the token endpoint. Refused outright when the application runs in production
 * mode.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "towerline.security.local-issuer.enabled", havingValue = "true")
class LocalIssuerConfiguration {

	LocalIssuerConfiguration(Environment environment) {
		if ("production".equalsIgnoreCase(environment.getProperty("towerline.mode", "embedded"))) {
			throw new IllegalStateException("towerline.security.local-issuer.enabled must not be true in production "
					+ "mode: local tokens are for the embedded mode only");
		}
	}

	@Bean
	RSAKey localSigningKey(EmbeddedProperties embedded) {
		return LocalSigningKey.loadOrCreate(embedded.dataDir().resolve("local-signing-key.jwk"));
	}

	@Bean
	LocalCallerCheck localCallerCheck(EmbeddedProperties embedded) {
		return new LocalCallerCheck(LocalTokenSecret.loadOrCreate(embedded.dataDir().resolve("local-token.secret")));
	}

	@Bean
	LocalTokenIssuer localTokenIssuer(RSAKey localSigningKey, SecurityProperties properties, Clock clock) {
		return new LocalTokenIssuer(localSigningKey, properties, clock);
	}

	@Bean
	InProcessIssuer localIssuer(RSAKey localSigningKey, SecurityProperties properties) throws JOSEException {
		return new InProcessIssuer(properties.localIssuer().issuer(),
				NimbusJwtDecoder.withPublicKey(localSigningKey.toRSAPublicKey())
					.signatureAlgorithm(SignatureAlgorithm.RS256)
					.build(),
				List.of());
	}

}
