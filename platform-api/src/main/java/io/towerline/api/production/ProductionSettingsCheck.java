package io.towerline.api.production;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.towerline.core.credentials.CredentialProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Refuses a production start that would fall back to an embedded default: the embedded
 * database (no {@code spring.datasource.url}), no trusted issuer, a generated key instead
 * of a key-encryption key from a secret, or the local issuer. Runs as the first
 * bean-factory post-processor: after every property source is in place (tests add theirs
 * in context initializers) and before any bean (the embedded database among them) is
 * created, so nothing starts half-way.
 */
public class ProductionSettingsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String CREDENTIAL_KEY_VARIABLE = CredentialProperties.LOCAL_KEY_VARIABLE;

	private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.addBeanFactoryPostProcessor((beanFactory) -> check(context.getEnvironment()));
	}

	static void check(Environment environment) {
		if (!isProduction(environment)) {
			return;
		}
		List<MissingSetting> missing = missingSettings(environment);
		if (!missing.isEmpty()) {
			throw new UnsafeProductionConfigurationException(missing);
		}
	}

	static boolean isProduction(Environment environment) {
		return "production".equalsIgnoreCase(environment.getProperty("towerline.mode", "embedded"))
				|| List.of(environment.getActiveProfiles()).contains("production");
	}

	static List<MissingSetting> missingSettings(Environment environment) {
		Binder binder = Binder.get(environment);
		List<MissingSetting> missing = new ArrayList<>();
		if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			missing.add(new MissingSetting("spring.datasource.url (SPRING_DATASOURCE_URL)",
					"production never starts the embedded database; give the JDBC URL of your PostgreSQL, "
							+ "with spring.datasource.username and spring.datasource.password"));
		}
		boolean identityEnabled = binder.bind("towerline.identity.enabled", Boolean.class).orElse(false);
		boolean externalIssuer = binder.bind("towerline.security.issuers[0].issuer-uri", String.class)
			.map(StringUtils::hasText)
			.orElse(false);
		if (!externalIssuer && !(identityEnabled && isPublic(environment.getProperty("towerline.identity.issuer")))) {
			missing.add(new MissingSetting("towerline.security.issuers[0].issuer-uri",
					"production trusts no token issuer: give your identity provider's issuer URL (with "
							+ "towerline.security.issuers[0].audience), or turn on the embedded authorization server "
							+ "with towerline.identity.enabled=true and towerline.identity.issuer set to its public URL"));
		}
		if (identityEnabled && !StringUtils.hasText(environment.getProperty("towerline.identity.key-encryption-key"))) {
			missing
				.add(new MissingSetting("towerline.identity.key-encryption-key (TOWERLINE_IDENTITY_KEYENCRYPTIONKEY)",
						"the embedded authorization server seals its signing keys with it; give base64 of 32 random "
								+ "bytes from a secret"));
		}
		if ("local".equals(environment.getProperty("towerline.credentials.backend", "local"))
				&& !StringUtils.hasText(environment.getProperty(CREDENTIAL_KEY_VARIABLE))
				&& !providedKeyFile(environment)) {
			missing.add(new MissingSetting(CREDENTIAL_KEY_VARIABLE,
					"router credentials are sealed with a key-encryption key that production never generates; give "
							+ "base64 of 32 random bytes from a secret (or a mounted file as "
							+ "towerline.credentials.local-key-file), or use towerline.credentials.backend=vault"));
		}
		if (binder.bind("towerline.security.local-issuer.enabled", Boolean.class).orElse(false)) {
			missing.add(new MissingSetting("towerline.security.local-issuer.enabled=false",
					"the local issuer signs tokens with a key beside the data and is for the embedded mode only; "
							+ "remove the setting (the production profile turns it off)"));
		}
		return missing;
	}

	/** A key file counts only when someone put it there (a mounted secret). */
	private static boolean providedKeyFile(Environment environment) {
		String file = environment.getProperty("towerline.credentials.local-key-file");
		return StringUtils.hasText(file) && Files.isReadable(Path.of(file));
	}

	private static boolean isPublic(@Nullable String issuer) {
		if (!StringUtils.hasText(issuer)) {
			return false;
		}
		try {
			String host = URI.create(issuer).getHost();
			return host != null && !LOOPBACK_HOSTS.contains(host);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
