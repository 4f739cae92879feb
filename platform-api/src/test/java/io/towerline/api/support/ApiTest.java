package io.towerline.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.credentials.LocalAesGcmCredentialVault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the whole application (MockMvc transport) against the shared real PostgreSQL,
 * trusting the test issuer. Every subclass shares one Spring context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureHttpGraphQlTester
public abstract class ApiTest {

	private static final Path DATA_DIR = temporaryDataDir();

	/**
	 * One credential key for every context of the JVM: they all poll the one job queue
	 * and sweep every tenant, so a context with a key of its own (the production profile
	 * needs one given) took other classes' jobs and could not open their router passwords
	 * — the job waited for its router and ran again on another context.
	 */
	private static final String CREDENTIAL_KEY = randomKey();

	@Autowired
	protected HttpGraphQlTester graphQl;

	@Autowired
	protected TenantOnboarding onboarding;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		registry.add("towerline.embedded.data-dir", DATA_DIR::toString);
		registry.add(LocalAesGcmCredentialVault.KEY_VARIABLE, () -> CREDENTIAL_KEY);
		registry.add("spring.mvc.async.request-timeout", () -> "60s");
		// retries and breaker quick enough for tests that take a router away and bring it
		// back
		registry.add("towerline.operations.initial-backoff", () -> "200ms");
		registry.add("towerline.operations.max-backoff", () -> "1s");
		registry.add("towerline.operations.max-attempts", () -> "30");
		registry.add("towerline.routers.breaker-open-for", () -> "1s");
		registry.add("db-scheduler.polling-interval", () -> "250ms");
		// the JVM closes every cached context at its exit, one after another: 8 s of
		// waiting for a leftover job in each added up past surefire's exit timeout
		registry.add("db-scheduler.shutdown-max-wait", () -> "1s");
		// live traffic: a stream whose router came back resumes within a second
		registry.add("towerline.traffic.retry-max", () -> "1s");
		registry.add("towerline.traffic.offline-recheck", () -> "1s");
		registry.add("towerline.traffic.snapshot-reuse", () -> "200ms");
		// live network (issue 9): top talkers pushed quickly enough to await a second
		// ranking
		registry.add("towerline.top-talkers.push-period", () -> "300ms");
		// live sessions (issue 9): only the tests of sessions track routers (they set
		// towerline.test.track-sessions)
		registry.add("towerline.sessions.enabled", () -> "${towerline.test.track-sessions:false}");
		// alerts (issue 11): tests sweep with instants of their own; the scheduled sweep
		// stays out of their way
		registry.add("towerline.alerts.interval", () -> "1h");
		registry.add("towerline.health.sample-max-age", () -> "1d");
		registry.add("towerline.security.issuers[0].issuer-uri", () -> TestTokens.ISSUER);
		registry.add("towerline.security.issuers[0].public-key-location", TestTokens::publicKeyLocation);
		// lifecycle and notifications: small batches so evaluators interleave, quick
		// retries
		registry.add("towerline.lifecycle.batch-size", () -> "50");
		registry.add("towerline.notification.send-interval", () -> "200ms");
		registry.add("towerline.notification.initial-backoff", () -> "200ms");
		registry.add("towerline.notification.max-backoff", () -> "1s");
		// production scale-out (issue 14): backlog metrics read fresh at each scrape
		registry.add("towerline.metrics.backlog-refresh", () -> "0s");
		// router connection checks (ADR 0212): a test that uses up a tenant's checks must
		// not see one given back while it runs
		registry.add("towerline.router-checks.refill-every", () -> "1h");
	}

	/**
	 * The data directory of the test application (local keys live there); a second
	 * application instance on the same database must share it.
	 */
	protected static Path dataDir() {
		return DATA_DIR;
	}

	/** A tester that sends {@code token} as the bearer token. */
	protected HttpGraphQlTester as(String token) {
		return this.graphQl.mutate().header("Authorization", "Bearer " + token).build();
	}

	/** Onboards a fresh tenant with a unique slug. */
	protected TenantId newTenant(String prefix) {
		String slug = TestDatabase.uniqueSlug(prefix);
		this.onboarding.onboard(slug, "Tenant " + slug, RateLimitTier.STANDARD);
		return TenantId.of(slug);
	}

	private static Path temporaryDataDir() {
		try {
			Path dir = Files.createTempDirectory("towerline-test-data");
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
