package io.towerline.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens for tests, signed by a test issuer whose public key the application is
 * configured to trust. Also makes the hostile ones: unsigned, signed by a stranger,
 * expired, from another issuer.
 */
public final class TestTokens {

	public static final String ISSUER = "https://issuer.towerline.test";

	private static final KeyPair TRUSTED = generate();

	private static final KeyPair STRANGER = generate();

	private static final Path PUBLIC_KEY = writePublicKey(TRUSTED);

	private TestTokens() {
	}

	/** Where the trusted issuer's public key is, as a Spring resource location. */
	public static String publicKeyLocation() {
		return PUBLIC_KEY.toUri().toString();
	}

	public static String forTenant(String tenant, String... roles) {
		return sign(TRUSTED, claims(tenant, roles).build());
	}

	public static String platformAdmin() {
		return forTenant("platform", "PLATFORM_ADMIN");
	}

	public static String signedByStranger(String tenant, String... roles) {
		return sign(STRANGER, claims(tenant, roles).build());
	}

	public static String unsigned(String tenant, String... roles) {
		return new PlainJWT(claims(tenant, roles).build()).serialize();
	}

	public static String expired(String tenant, String... roles) {
		Instant past = Instant.now().minus(Duration.ofHours(2));
		return sign(TRUSTED,
				claims(tenant, roles).issueTime(Date.from(past))
					.notBeforeTime(Date.from(past))
					.expirationTime(Date.from(past.plus(Duration.ofMinutes(30))))
					.build());
	}

	public static String fromIssuer(String issuer, String tenant, String... roles) {
		return sign(TRUSTED, claims(tenant, roles).issuer(issuer).build());
	}

	public static String withoutTenant(String... roles) {
		return sign(TRUSTED, claims("x-unused", roles).claim("tenant", null).build());
	}

	public static String withClaims(Map<String, Object> extra, String tenant, String... roles) {
		JWTClaimsSet.Builder builder = claims(tenant, roles);
		extra.forEach(builder::claim);
		return sign(TRUSTED, builder.build());
	}

	private static JWTClaimsSet.Builder claims(String tenant, String... roles) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject("user-of-" + tenant)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now.minusSeconds(5)))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
			.claim("tenant", tenant)
			.claim("roles", List.of(roles));
	}

	private static String sign(KeyPair keys, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path writePublicKey(KeyPair keys) {
		try {
			Path file = Files.createTempFile("towerline-test-issuer", ".pem");
			file.toFile().deleteOnExit();
			String body = Base64.getMimeEncoder(64, "\n".getBytes())
				.encodeToString(((RSAPublicKey) keys.getPublic()).getEncoded());
			Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
