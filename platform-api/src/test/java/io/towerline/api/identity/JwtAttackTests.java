package io.towerline.api.identity;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.towerline.api.support.ApiTest;
import io.towerline.core.actor.Actor;
import io.towerline.core.identity.AccessEpoch;
import io.towerline.core.identity.ApiClient;
import io.towerline.core.identity.ApiClientRegistry;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile tokens against the embedded issuer, at the HTTP level. Each is built from a
 * token that is accepted (the control), changed in one way only.
 */
class JwtAttackTests extends ApiTest {

	private static final String ME = "{\"query\":\"{ me { subject } }\"}";

	private static final String ISSUER = "http://localhost:8080";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SigningKeys keys;

	@Autowired
	ApiClientRegistry clients;

	private ApiClient client;

	private TenantId tenant;

	private HttpServer keyServer;

	private final AtomicInteger keyServerHits = new AtomicInteger();

	private final RSAKey attacker = generate("attacker");

	@BeforeEach
	void setUp() throws Exception {
		this.tenant = newTenant("jwt");
		this.client = this.clients.create(Actor.of("test"), this.tenant, "Target", Set.of("OPERATOR")).value();
		this.keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.keyServer.createContext("/", (exchange) -> {
			this.keyServerHits.incrementAndGet();
			byte[] body = new JWKSet(this.attacker.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.keyServer.start();
	}

	@AfterEach
	void stopKeyServer() {
		this.keyServer.stop(0);
	}

	@Test
	void shouldAcceptTheControlToken() {
		assertThat(call(sign(current(), header(current()), claims(UnaryOperator.identity())))).hasStatusOk();
	}

	@Test
	void shouldRejectATokenWithoutItsAccessEpochOrWithAnotherOne() {
		RSAKey key = current();
		assertThat(call(sign(key, header(key), claims((claims) -> claims.claim("access_epoch", null))))).hasStatus(401);
		assertThat(call(sign(key, header(key), claims(
				(claims) -> claims.claim("access_epoch", AccessEpoch.claimValue(this.client.tokensValidAfter()) - 1)))))
			.hasStatus(401);
	}

	@Test
	void shouldRejectAnUnsignedToken() {
		assertThat(call(new PlainJWT(claims(UnaryOperator.identity())).serialize())).hasStatus(401);
	}

	@Test
	void shouldRejectHs256SignedWithThePublicKey() throws Exception {
		byte[] publicKey = current().toRSAPublicKey().getEncoded();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(current().getKeyID()).build(),
				claims(UnaryOperator.identity()));
		jwt.sign(new MACSigner(publicKey));
		assertThat(call(jwt.serialize())).hasStatus(401);
		byte[] jwkText = current().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
		SignedJWT again = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(),
				claims(UnaryOperator.identity()));
		again.sign(new MACSigner(jwkText));
		assertThat(call(again.serialize())).hasStatus(401);
	}

	@Test
	void shouldRejectExpiredAndNotYetValidTokens() {
		Instant now = Instant.now();
		assertThat(call(sign(current(), header(current()),
				claims((c) -> c.issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
					.expirationTime(Date.from(now.minusSeconds(120)))))))
			.hasStatus(401);
		assertThat(call(
				sign(current(), header(current()), claims((c) -> c.notBeforeTime(Date.from(now.plusSeconds(300)))))))
			.hasStatus(401);
	}

	@Test
	void shouldRejectWrongIssuerAndWrongAudience() {
		assertThat(call(sign(current(), header(current()), claims((c) -> c.issuer("http://evil.example")))))
			.hasStatus(401);
		assertThat(call(sign(current(), header(current()), claims((c) -> c.audience(List.of("another-api"))))))
			.hasStatus(401);
	}

	@Test
	void shouldRejectInjectedKeyIds() {
		for (String kid : List.of("../../etc/passwd", "' OR 1=1--", "")) {
			assertThat(call(sign(current(), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
					claims(UnaryOperator.identity()))))
				.as(kid)
				.hasStatus(401);
		}
	}

	@Test
	void shouldRejectAStrangersKeyUnderTheRealKeyId() {
		assertThat(call(sign(this.attacker, header(current()), claims(UnaryOperator.identity())))).hasStatus(401);
	}

	@Test
	void shouldNeverFetchKeysFromJkuOrX5u() {
		URI url = URI.create("http://127.0.0.1:" + this.keyServer.getAddress().getPort() + "/jwks.json");
		JWSHeader jku = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.attacker.getKeyID()).jwkURL(url).build();
		JWSHeader x5u = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.attacker.getKeyID())
			.x509CertURL(url)
			.build();
		JWSHeader embedded = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.attacker.getKeyID())
			.jwk(this.attacker.toPublicJWK())
			.build();
		for (JWSHeader header : List.of(jku, x5u, embedded)) {
			assertThat(call(sign(this.attacker, header, claims(UnaryOperator.identity())))).hasStatus(401);
		}
		assertThat(this.keyServerHits).hasValue(0);
	}

	private MvcTestResult call(String token) {
		return this.mvc.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token)
			.content(ME)
			.exchange();
	}

	private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
		Instant now = Instant.now();
		return change
			.apply(new JWTClaimsSet.Builder().issuer(ISSUER)
				.subject(this.client.clientId())
				.audience(List.of(this.client.clientId(), "towerline-api"))
				.issueTime(Date.from(now))
				.notBeforeTime(Date.from(now))
				.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
				.claim("tenant", this.tenant.slug())
				.claim("roles", List.of("OPERATOR"))
				.claim("kind", "client")
				.claim("access_epoch", AccessEpoch.claimValue(this.client.tokensValidAfter())))
			.build();
	}

	private RSAKey current() {
		return (RSAKey) this.keys
			.get(new JWKSelector(new JWKMatcher.Builder().keyID(this.keys.currentKeyId()).privateOnly(true).build()),
					null)
			.get(0);
	}

	private static JWSHeader header(RSAKey key) {
		return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build();
	}

	private static String sign(RSAKey key, JWSHeader header, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
