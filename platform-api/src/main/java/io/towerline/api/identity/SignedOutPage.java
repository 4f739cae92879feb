package io.towerline.api.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;

/**
 * The SPA's signed-out page, where the authorization server sends a browser after signing
 * it out ({@code post_logout_redirect_uri}). Its address is the one of each registered
 * sign-in redirect with the path {@value #PATH}; like sign-in redirects to
 * {@code 127.0.0.1} (RFC 8252), a loopback one matches at any port, since the app in
 * development and the browser journeys run on a port chosen at start. Anything else is
 * refused with {@code invalid_request} and no redirect.
 */
final class SignedOutPage {

	static final String PATH = "/signed-out";

	private static final String CALLBACK_PATH = "/auth/callback";

	private SignedOutPage() {
	}

	/** The signed-out page beside each of the app's sign-in redirects. */
	static List<String> besideEach(List<String> redirectUris) {
		return redirectUris.stream()
			.filter((uri) -> uri.endsWith(CALLBACK_PATH))
			.map((uri) -> uri.substring(0, uri.length() - CALLBACK_PATH.length()) + PATH)
			.toList();
	}

	/** Puts this validation into the logout endpoint's provider. */
	static void validateWith(List<AuthenticationProvider> providers) {
		providers.stream()
			.filter(OidcLogoutAuthenticationProvider.class::isInstance)
			.map(OidcLogoutAuthenticationProvider.class::cast)
			.forEach((provider) -> provider.setAuthenticationValidator(SignedOutPage::validate));
	}

	static void validate(OidcLogoutAuthenticationContext context) {
		OidcLogoutAuthenticationToken logout = context.getAuthentication();
		String requested = logout.getPostLogoutRedirectUri();
		if (requested == null || requested.isEmpty()) {
			return;
		}
		boolean registered = context.getRegisteredClient()
			.getPostLogoutRedirectUris()
			.stream()
			.anyMatch((uri) -> matches(uri, requested));
		if (!registered) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
					"OpenID Connect 1.0 Logout Request Parameter: post_logout_redirect_uri", null));
		}
	}

	static boolean matches(String registered, String requested) {
		if (registered.equals(requested)) {
			return true;
		}
		URI expected = parse(registered);
		URI actual = parse(requested);
		if (expected == null || actual == null || !"127.0.0.1".equals(expected.getHost())) {
			return false;
		}
		// the whole address but the port, compared exactly
		return Objects.equals(expected.getScheme(), actual.getScheme())
				&& Objects.equals(expected.getRawUserInfo(), actual.getRawUserInfo())
				&& Objects.equals(expected.getHost(), actual.getHost())
				&& Objects.equals(expected.getRawPath(), actual.getRawPath())
				&& Objects.equals(expected.getRawQuery(), actual.getRawQuery()) && actual.getRawFragment() == null;
	}

	private static @Nullable URI parse(String uri) {
		try {
			return new URI(uri);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
