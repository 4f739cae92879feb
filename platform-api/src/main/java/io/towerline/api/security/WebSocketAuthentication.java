package io.towerline.api.security;

import jakarta.servlet.http.HttpServletRequest;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * graphql-ws authentication: the {@code connection_init} payload must carry
 * {@code Authorization: Bearer <token>}, verified exactly like HTTP requests. A socket
 * without a valid token is closed (4401).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketAuthentication {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	AuthenticationWebSocketInterceptor graphQlWebSocketAuthentication(JwtIssuerAuthenticationManagerResolver resolver) {
		BearerTokenAuthenticationExtractor extractor = new BearerTokenAuthenticationExtractor();
		return new AuthenticationWebSocketInterceptor(
				(payload) -> extractor.getAuthentication(payload)
					.switchIfEmpty(Mono.error(new BadCredentialsException("The connection_init payload has no token"))),
				resolver.resolve((HttpServletRequest) null));
	}

}
