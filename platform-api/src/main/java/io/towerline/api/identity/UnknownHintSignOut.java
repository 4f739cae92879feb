package io.towerline.api.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The logout endpoint's answer to a refused sign-out. When the id token hint is the
 * problem (unknown: its authorization was swept, or issued before the authorizations were
 * kept; expired; for another session) the browser still asked to sign out: its session at
 * this server ends and it lands on the SPA's signed-out page of this server's own origin,
 * never an address taken from the request, with the state it sent. Any other refusal
 * (such as a {@code post_logout_redirect_uri} that is not the app's) stays a 400 with no
 * redirect.
 */
final class UnknownHintSignOut implements AuthenticationFailureHandler {

	private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (!(exception instanceof OAuth2AuthenticationException oauth)) {
			response.sendError(HttpStatus.BAD_REQUEST.value(), exception.getMessage());
			return;
		}
		if (!OAuth2ErrorCodes.INVALID_TOKEN.equals(oauth.getError().getErrorCode())) {
			response.sendError(HttpStatus.BAD_REQUEST.value(), oauth.getError().toString());
			return;
		}
		this.signOut.logout(request, response, SecurityContextHolder.getContext().getAuthentication());
		String state = request.getParameter("state");
		UriComponentsBuilder signedOut = UriComponentsBuilder.fromPath(request.getContextPath() + SignedOutPage.PATH);
		if (state != null && !state.isEmpty()) {
			signedOut.queryParam("state", state);
		}
		response.sendRedirect(signedOut.encode().build().toUriString());
	}

}
