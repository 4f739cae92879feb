package io.towerline.api.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 with the standard {@code WWW-Authenticate} header and a GraphQL-shaped body with
 * code UNAUTHENTICATED.
 */
final class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.bearer.commence(request, response, ex);
		ErrorResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
				"A valid bearer token is required");
	}

}
