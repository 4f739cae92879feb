package io.towerline.api.identity;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the embedded authorization server the way its clients do: the SPA's
 * authorization code flow with PKCE through the real login page (CSRF token read from the
 * page), and client credentials.
 */
final class OAuthFlows {

	static final String WEB_CLIENT = "towerline-web";

	static final String REDIRECT_URI = "http://127.0.0.1:8080/auth/callback";

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern ID_TOKEN = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"");

	private final MockMvcTester mvc;

	OAuthFlows(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	/** Signs in as the user through the login page and returns the SPA's access token. */
	String signIn(String username, String password) {
		return signInBrowser(username, password).accessToken();
	}

	/**
	 * Signs in as the user through the login page, as one browser: its session at the
	 * authorization server and the tokens the SPA got.
	 */
	Browser signInBrowser(String username, String password) {
		String verifier = randomVerifier();
		String state = randomVerifier().substring(0, 12);
		BrowserCookies session = new BrowserCookies();
		String authorize = authorizationRequest(state, challenge(verifier));
		MvcTestResult toLogin = session
			.keep(this.mvc.get().uri(authorize).with(session).accept(MediaType.TEXT_HTML).exchange());
		assertThat(toLogin).hasStatus3xxRedirection();
		assertThat(toLogin.getResponse().getRedirectedUrl()).endsWith("/login");

		MvcTestResult login = submitLoginForm(session, username, password);
		assertThat(login).hasStatus3xxRedirection();
		String back = login.getResponse().getRedirectedUrl();
		assertThat(back).as("signed in and sent back to the authorization endpoint").contains("/oauth2/authorize");

		MvcTestResult authorized = session
			.keep(this.mvc.get().uri(URI.create(back)).with(session).accept(MediaType.TEXT_HTML).exchange());
		assertThat(authorized).hasStatus3xxRedirection();
		var callback = UriComponentsBuilder.fromUriString(authorized.getResponse().getRedirectedUrl()).build();
		assertThat(callback.toUriString()).startsWith(REDIRECT_URI);
		assertThat(callback.getQueryParams().getFirst("state")).isEqualTo(state);
		String code = callback.getQueryParams().getFirst("code");

		MvcTestResult token = this.mvc.post()
			.uri("/oauth2/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "authorization_code")
			.param("code", code)
			.param("redirect_uri", REDIRECT_URI)
			.param("client_id", WEB_CLIENT)
			.param("code_verifier", verifier)
			.exchange();
		assertThat(token).hasStatusOk();
		return new Browser(session, accessToken(token), match(ID_TOKEN, token));
	}

	/**
	 * Where a new authorization request from the browser is sent: the login page when it
	 * has no session here, the redirect URI with a code when it has one.
	 */
	String authorizeAgain(BrowserCookies session) {
		MvcTestResult result = session.keep(this.mvc.get()
			.uri(authorizationRequest("again", challenge(randomVerifier())))
			.with(session)
			.accept(MediaType.TEXT_HTML)
			.exchange());
		assertThat(result).hasStatus3xxRedirection();
		return result.getResponse().getRedirectedUrl();
	}

	static String authorizationRequest(String state, String challenge) {
		return UriComponentsBuilder.fromUriString("/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", WEB_CLIENT)
			.queryParam("redirect_uri", REDIRECT_URI)
			.queryParam("scope", "openid")
			.queryParam("state", state)
			.queryParam("code_challenge", challenge)
			.queryParam("code_challenge_method", "S256")
			.build()
			.toUriString();
	}

	/** Attempts a sign-in at the login page; returns where the browser is sent next. */
	String attemptSignIn(String username, String password) {
		return submitLoginForm(new BrowserCookies(), username, password).getResponse().getRedirectedUrl();
	}

	/**
	 * Opens the login page in the browser and posts its form with the page's CSRF token,
	 * as the browser would.
	 */
	private MvcTestResult submitLoginForm(BrowserCookies session, String username, String password) {
		String page = body(
				session.keep(this.mvc.get().uri("/login").with(session).accept(MediaType.TEXT_HTML).exchange()));
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).as("login page carries a CSRF token").isTrue();
		return session.keep(this.mvc.post()
			.uri("/login")
			.with(session)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("username", username)
			.param("password", password)
			.param("_csrf", csrf.group(1))
			.exchange());
	}

	/** A token for the API client, with HTTP Basic client authentication. */
	String clientToken(String clientId, String secret) {
		MvcTestResult token = clientTokenRequest(clientId, secret);
		assertThat(token).hasStatusOk();
		return accessToken(token);
	}

	MvcTestResult clientTokenRequest(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return this.mvc.post()
			.uri("/oauth2/token")
			.header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "client_credentials")
			.exchange();
	}

	private static String accessToken(MvcTestResult result) {
		return match(ACCESS_TOKEN, result);
	}

	private static String match(Pattern pattern, MvcTestResult result) {
		Matcher matcher = pattern.matcher(body(result));
		assertThat(matcher.find()).as("%s in %s", pattern, body(result)).isTrue();
		return matcher.group(1);
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String randomVerifier() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One browser signed in to the SPA: its session here and the tokens the SPA holds.
	 */
	record Browser(BrowserCookies session, String accessToken, String idToken) {
	}

}
