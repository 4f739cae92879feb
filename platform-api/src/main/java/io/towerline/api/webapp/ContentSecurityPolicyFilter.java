package io.towerline.api.webapp;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts a strict Content-Security-Policy on the app's pages: scripts only from this origin
 * (no inline script, no eval), connections only to this origin (HTTP and WebSocket) and
 * the configured external issuer, no framing, no plugins. Styles allow inline attributes
 * because the component kit sets CSS variables through {@code style}. API and
 * authorization-server responses are left alone.
 */
@Component
class ContentSecurityPolicyFilter extends OncePerRequestFilter {

	private final String policy;

	ContentSecurityPolicyFilter(WebClientProperties web) {
		String issuerOrigin = "";
		if (web.issuer() != null) {
			URI issuer = URI.create(web.issuer());
			issuerOrigin = " " + issuer.getScheme() + "://" + issuer.getRawAuthority();
		}
		this.policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
				+ "font-src 'self'; connect-src 'self'" + issuerOrigin + "; frame-ancestors 'none'; "
				+ "form-action 'self'" + issuerOrigin + "; base-uri 'none'; object-src 'none'";
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return ServerPaths.isServerPath(path) && !path.startsWith("/assets/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", this.policy);
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Content-Type-Options", "nosniff");
		chain.doFilter(request, response);
	}

}
