package io.towerline.api.production;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.towerline.TowerlineApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Production refuses each embedded fallback on its own, naming the setting, and accepts a
 * complete configuration.
 */
class ProductionSettingsCheckTests {

	private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	@Test
	void shouldAcceptACompleteProductionConfiguration() {
		assertThat(ProductionSettingsCheck.missingSettings(complete())).isEmpty();
	}

	@Test
	void shouldNameTheDatasourceWhenTheEmbeddedDatabaseWouldStart() {
		MockEnvironment without = complete().withProperty("spring.datasource.url", "");

		assertThat(settings(without)).containsExactly("spring.datasource.url (SPRING_DATASOURCE_URL)");
	}

	@Test
	void shouldNameTheIssuerWhenNoneIsTrusted() {
		MockEnvironment environment = complete().withProperty("towerline.security.issuers[0].issuer-uri", "");

		assertThat(settings(environment)).containsExactly("towerline.security.issuers[0].issuer-uri");
	}

	@Test
	void shouldNotCountTheEmbeddedAuthorizationServerOnLocalhostAsAnIssuer() {
		MockEnvironment environment = complete().withProperty("towerline.security.issuers[0].issuer-uri", "")
			.withProperty("towerline.identity.enabled", "true")
			.withProperty("towerline.identity.issuer", "http://localhost:8080")
			.withProperty("towerline.identity.key-encryption-key", KEY);

		assertThat(settings(environment)).containsExactly("towerline.security.issuers[0].issuer-uri");
		assertThat(settings(environment.withProperty("towerline.identity.issuer", "https://id.example.net"))).isEmpty();
	}

	@Test
	void shouldNameTheIdentityKeyEncryptionKeyWhenTheAuthorizationServerRuns() {
		MockEnvironment environment = complete().withProperty("towerline.identity.enabled", "true")
			.withProperty("towerline.identity.issuer", "https://towerline.example.net");

		assertThat(settings(environment))
			.containsExactly("towerline.identity.key-encryption-key (TOWERLINE_IDENTITY_KEYENCRYPTIONKEY)");
	}

	@Test
	void shouldNameTheCredentialKeyUnlessVaultOrAMountedKeyFileHoldsIt(@TempDir Path dir) throws Exception {
		MockEnvironment environment = complete().withProperty("TOWERLINE_CREDENTIAL_KEY", "")
			.withProperty("towerline.credentials.local-key-file", dir.resolve("absent.key").toString());

		assertThat(settings(environment)).containsExactly("TOWERLINE_CREDENTIAL_KEY");
		Path mounted = Files.writeString(dir.resolve("mounted.key"), KEY);
		assertThat(settings(environment.withProperty("towerline.credentials.local-key-file", mounted.toString())))
			.isEmpty();
		assertThat(settings(complete().withProperty("TOWERLINE_CREDENTIAL_KEY", "")
			.withProperty("towerline.credentials.backend", "vault"))).isEmpty();
	}

	@Test
	void shouldNameTheLocalIssuerWhenItIsOn() {
		MockEnvironment environment = complete().withProperty("towerline.security.local-issuer.enabled", "true");

		assertThat(settings(environment)).containsExactly("towerline.security.local-issuer.enabled=false");
	}

	@Test
	void shouldLeaveTheEmbeddedModeAlone() {
		MockEnvironment embedded = new MockEnvironment().withProperty("towerline.mode", "embedded");

		assertThat(ProductionSettingsCheck.isProduction(embedded)).isFalse();
		assertThat(ProductionSettingsCheck.isProduction(complete())).isTrue();
		MockEnvironment byProfile = new MockEnvironment();
		byProfile.setActiveProfiles("production");
		assertThat(ProductionSettingsCheck.isProduction(byProfile)).isTrue();
	}

	/**
	 * The real start-up path: the production profile with nothing configured fails before
	 * the embedded database starts, and Spring Boot's report lists every missing setting.
	 */
	@Test
	void shouldRefuseABareProductionStartBeforeAnythingStarts(@TempDir Path dataDir) {
		UnsafeProductionConfigurationException refused = catchThrowableOfType(
				UnsafeProductionConfigurationException.class,
				() -> new SpringApplicationBuilder(TowerlineApplication.class).profiles("production")
					.properties("towerline.embedded.data-dir=" + dataDir, "server.port=0")
					.run()
					.close());

		assertThat(refused.missing()).extracting(MissingSetting::setting)
			.contains("spring.datasource.url (SPRING_DATASOURCE_URL)", "towerline.security.issuers[0].issuer-uri");
		assertThat(dataDir.resolve("pgdata")).doesNotExist();
		FailureAnalysis analysis = new UnsafeProductionConfigurationFailureAnalyzer().analyze(refused);
		assertThat(analysis.getDescription()).contains("spring.datasource.url", "towerline.security.issuers[0]");
	}

	private static List<String> settings(MockEnvironment environment) {
		return ProductionSettingsCheck.missingSettings(environment).stream().map(MissingSetting::setting).toList();
	}

	private static MockEnvironment complete() {
		return new MockEnvironment().withProperty("towerline.mode", "production")
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.example.net/towerline")
			.withProperty("towerline.security.issuers[0].issuer-uri", "https://id.example.net/realms/isp")
			.withProperty("TOWERLINE_CREDENTIAL_KEY", KEY)
			.withProperty("towerline.security.local-issuer.enabled", "false");
	}

}
