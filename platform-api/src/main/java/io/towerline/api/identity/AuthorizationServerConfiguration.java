package io.towerline.api.identity;

import java.time.Clock;
import java.util.List;

import io.towerline.api.embedded.EmbeddedProperties;
import io.towerline.api.security.InProcessIssuer;
import io.towerline.api.security.SecurityProperties;
import io.towerline.core.audit.SecurityEventLog;
import io.towerline.core.identity.ApiClientRegistry;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.tenancy.catalog.TenantCatalog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded authorization server: the OAuth2/OIDC endpoints in their own chain (first,
 * matching only those endpoints), the login page in a second chain, and the API chain
 * (last) trusting the server's tokens in-process with a revocation check. On by default;
 * turn it off with {@code towerline.identity.enabled=false} when only external issuers
 * are trusted.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "towerline.identity.enabled", havingValue = "true")
@EnableConfigurationProperties(IdentityProperties.class)
class AuthorizationServerConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurity(HttpSecurity http, SigningKeys keys) throws Exception {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			// sign-out (RP-initiated logout) returns to the SPA's signed-out page, also
			// when the id token hint is no longer known
			server.oidc((oidc) -> oidc
				.logoutEndpoint((logout) -> logout.authenticationProviders(SignedOutPage::validateWith)
					.errorResponseHandler(new UnknownHintSignOut())));
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			// the OIDC user-info endpoint takes the server's own access tokens
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> jwt.decoder(decoder(keys))));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain loginSecurity(HttpSecurity http) throws Exception {
		// the generated login page's stylesheet comes from this chain's filters
		http.securityMatcher("/login", "/logout", "/default-ui.css")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.formLogin(Customizer.withDefaults())
			.logout(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * The browsers' sessions at this server, by user: the {@code sid} of an id token and
	 * the session a sign-out ends. Read from the shared session store (Spring Session
	 * JDBC, ADR 0242), so any replica finds a session another one started, and a session
	 * that ended is gone for all of them.
	 */
	@Bean
	SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
	}

	@Bean
	SigningKeys signingKeys(JdbcClient jdbc, TransactionTemplate transactions, IdentityProperties properties,
			EmbeddedProperties embedded, Environment environment, Clock clock) {
		boolean production = "production".equalsIgnoreCase(environment.getProperty("towerline.mode", "embedded"));
		KeySealer sealer = KeySealer.of(properties.keyEncryptionKey(),
				embedded.dataDir().resolve("identity-key-encryption.key"), production);
		SigningKeys keys = new SigningKeys(jdbc, transactions, sealer, properties.retiredKeyRetention(), clock);
		keys.ensureKey();
		return keys;
	}

	@Bean
	AccessStatusCache accessStatusCache(UserDirectory users, ApiClientRegistry clients, IdentityProperties properties) {
		return new AccessStatusCache(users, clients, properties.revocationCacheTtl());
	}

	@Bean
	InProcessIssuer embeddedIssuer(SigningKeys keys, IdentityProperties properties, AccessStatusCache statuses) {
		return new InProcessIssuer(properties.issuer(), decoder(keys),
				List.of(new JwtClaimValidator<List<String>>("aud",
						(aud) -> aud != null && aud.contains(TokenClaimNames.API_AUDIENCE)),
						new RevocationValidator(statuses)));
	}

	@Bean
	RegisteredClients registeredClients(IdentityProperties properties, ApiClientRegistry clients) {
		return new RegisteredClients(properties, clients);
	}

	@Bean
	TokenClaims tokenClaims(SigningKeys keys, UserDirectory users, ApiClientRegistry clients,
			SecurityProperties security) {
		return new TokenClaims(keys, users, clients, security.platformTenant());
	}

	@Bean
	DirectoryUserDetails directoryUserDetails(UserDirectory users, TenantCatalog tenants) {
		return new DirectoryUserDetails(users, tenants);
	}

	@Bean
	SignInAudit signInAudit(SecurityEventLog audit, UserDirectory users) {
		return new SignInAudit(audit, users);
	}

	@Bean
	FirstPlatformAdmin firstPlatformAdmin(UserDirectory users, IdentityProperties properties) {
		return new FirstPlatformAdmin(users, properties, System.out);
	}

	private static NimbusJwtDecoder decoder(SigningKeys keys) {
		return NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
	}

}
