package io.towerline.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets tokens from a Keycloak realm the way Towerline's callers do: client credentials
 * for an integration, and for a person the browser's authorization code flow with PKCE
 * through Keycloak's own login page (form posted as a browser would).
 */
final class KeycloakTokens {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern FORM_ACTION = Pattern
		.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

	private final String issuer;

	KeycloakTokens(String issuer) {
		this.issuer = issuer;
	}

	/** An access token for a confidential client's service account. */
	String clientCredentials(String clientId, String secret) {
		HttpClient http = HttpClient.newHttpClient();
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send(http,
				HttpRequest.newBuilder(URI.create(this.issuer + "/protocol/openid-connect/token"))
					.header("Authorization", "Basic " + basic)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials"))))
					.build());
		return accessToken(response);
	}

	/**
	 * An access token for a person signing in to the public client with authorization
	 * code and PKCE (S256).
	 */
	String signIn(String clientId, String redirectUri, String username, String password) {
		// cookies are carried by hand: Keycloak marks them Secure, which a browser
		// honours on
		// loopback but the JDK's cookie manager refuses to send over http
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		String verifier = randomUrlSafe(48);
		String state = randomUrlSafe(16);
		Map<String, String> query = new LinkedHashMap<>();
		query.put("client_id", clientId);
		query.put("response_type", "code");
		query.put("scope", "openid");
		query.put("redirect_uri", redirectUri);
		query.put("state", state);
		query.put("code_challenge", challenge(verifier));
		query.put("code_challenge_method", "S256");
		HttpResponse<String> loginPage = send(http,
				HttpRequest.newBuilder(URI.create(this.issuer + "/protocol/openid-connect/auth?" + form(query)))
					.GET()
					.build());
		Matcher action = FORM_ACTION.matcher(loginPage.body());
		if (loginPage.statusCode() != 200 || !action.find()) {
			throw new IllegalStateException("no login form (HTTP " + loginPage.statusCode() + ")");
		}
		HttpResponse<String> submitted = send(http,
				HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Cookie", cookies(loginPage))
					.POST(HttpRequest.BodyPublishers
						.ofString(form(Map.of("username", username, "password", password, "credentialId", ""))))
					.build());
		String location = submitted.headers().firstValue("Location").orElse("");
		if (submitted.statusCode() != 302 || !location.startsWith(redirectUri)) {
			throw new IllegalStateException("sign-in not accepted (HTTP " + submitted.statusCode() + ")");
		}
		Map<String, String> callback = parse(URI.create(location).getRawQuery());
		if (!state.equals(callback.get("state"))) {
			throw new IllegalStateException("state changed on the way back");
		}
		Map<String, String> exchange = new LinkedHashMap<>();
		exchange.put("grant_type", "authorization_code");
		exchange.put("client_id", clientId);
		exchange.put("code", callback.get("code"));
		exchange.put("redirect_uri", redirectUri);
		exchange.put("code_verifier", verifier);
		return accessToken(send(http,
				HttpRequest.newBuilder(URI.create(this.issuer + "/protocol/openid-connect/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form(exchange)))
					.build()));
	}

	private static String cookies(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.map((cookie) -> cookie.split(";", 2)[0])
			.collect(Collectors.joining("; "));
	}

	private static String accessToken(HttpResponse<String> response) {
		Matcher token = ACCESS_TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !token.find()) {
			throw new IllegalStateException("no token (HTTP " + response.statusCode() + "): " + response.body());
		}
		return token.group(1);
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Keycloak did not answer " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, String> parse(String query) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomUrlSafe(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
