package io.towerline.api.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API's filter chain: stateless bearer-token authentication against the trusted
 * issuers, then tenant resolution. Only health, metrics and (embedded mode) the local
 * token endpoint are open; GraphQL needs a token.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * Picks the trusted issuer's authentication manager by the token's {@code iss};
	 * shared with graphql-ws.
	 */
	@Bean
	JwtIssuerAuthenticationManagerResolver issuerResolver(SecurityProperties properties,
			ObjectProvider<InProcessIssuer> inProcessIssuers) {
		return new JwtIssuerAuthenticationManagerResolver(
				new IssuerAuthenticationManagers(properties, inProcessIssuers.orderedStream().toList()));
	}

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, TenantStatusCache statuses,
			JwtIssuerAuthenticationManagerResolver resolver) throws Exception {
		JsonAuthenticationEntryPoint entryPoint = new JsonAuthenticationEntryPoint();
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/local/token")
				.permitAll()
				// browsers cannot send headers on the WebSocket handshake: graphql-ws
				// authenticates in connection_init
				.requestMatchers("/graphql-ws")
				.permitAll()
				.requestMatchers("/graphql", "/graphql/**")
				.authenticated()
				.requestMatchers("/actuator/**")
				.denyAll()
				// backups: downloads need the bearer token; routers fetch through signed
				// links (/backup-fetch/**) instead
				.requestMatchers("/backups/**")
				.authenticated()
				// web client (issue 12): exports stream with the bearer token like
				// backups; reports (issue 13): file downloads need the bearer token
				.requestMatchers("/exports/**", "/report-files/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationManagerResolver(resolver)
				.authenticationEntryPoint(entryPoint))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			.addFilterAfter(new TenantResolutionFilter(statuses, properties.platformTenant()),
					BearerTokenAuthenticationFilter.class);
		return http.build();
	}

}
