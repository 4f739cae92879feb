package io.towerline.api.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;

/**
 * Who may ask {@code /local/token} for a token: the person who started the platform,
 * calling it directly from this machine. Each refusal has its own code:
 * <ul>
 * <li>LOCAL_TOKEN_NOT_LOCAL: the TCP peer is not a loopback address;</li>
 * <li>LOCAL_TOKEN_FORWARDED: the request passed a proxy or tunnel ({@code Forwarded},
 * {@code X-Forwarded-*}, {@code X-Real-IP});</li>
 * <li>LOCAL_TOKEN_HOST: the {@code Host} is not {@code localhost}, {@code 127.0.0.1} or
 * {@code [::1]} with this server's port (a DNS-rebinding page names its own host);</li>
 * <li>LOCAL_TOKEN_BROWSER: a browser sent it ({@code Origin}, or {@code Sec-Fetch-Site}
 * other than {@code none}), as a cross-site form or script would;</li>
 * <li>LOCAL_TOKEN_SECRET_REQUIRED: the {@value LocalTokenSecret#HEADER} header does not
 * hold the secret from the data directory.</li>
 * </ul>
 */
final class LocalCallerCheck {

	private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

	private final LocalTokenSecret secret;

	LocalCallerCheck(LocalTokenSecret secret) {
		this.secret = secret;
	}

	Optional<Refusal> refusal(HttpServletRequest request) {
		if (!fromLoopback(request)) {
			return refuse(HttpStatus.FORBIDDEN, "LOCAL_TOKEN_NOT_LOCAL", "local tokens are for localhost");
		}
		for (String header : Collections.list(request.getHeaderNames())) {
			String name = header.toLowerCase(Locale.ROOT);
			if (name.equals("forwarded") || name.startsWith("x-forwarded-") || name.equals("x-real-ip")) {
				return refuse(HttpStatus.FORBIDDEN, "LOCAL_TOKEN_FORWARDED",
						"local tokens are not handed out through a proxy or tunnel");
			}
		}
		if (!loopbackHost(request.getHeader("Host"), request.getLocalPort())) {
			return refuse(HttpStatus.FORBIDDEN, "LOCAL_TOKEN_HOST",
					"call this server as localhost, 127.0.0.1 or [::1] with its port");
		}
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (request.getHeader("Origin") != null || (fetchSite != null && !"none".equals(fetchSite))) {
			return refuse(HttpStatus.FORBIDDEN, "LOCAL_TOKEN_BROWSER", "local tokens are not handed to web pages");
		}
		if (!this.secret.matches(request.getHeader(LocalTokenSecret.HEADER))) {
			return refuse(HttpStatus.UNAUTHORIZED, "LOCAL_TOKEN_SECRET_REQUIRED", "send the " + LocalTokenSecret.HEADER
					+ " header with the content of local-token.secret in the data directory");
		}
		return Optional.empty();
	}

	private static boolean fromLoopback(HttpServletRequest request) {
		try {
			return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	static boolean loopbackHost(String host, int port) {
		if (host == null) {
			return false;
		}
		String value = host.strip().toLowerCase(Locale.ROOT);
		int colon = value.lastIndexOf(':');
		if (colon < 0 || value.endsWith("]")) {
			return false;
		}
		return LOOPBACK_HOSTS.contains(value.substring(0, colon))
				&& value.substring(colon + 1).equals(Integer.toString(port));
	}

	private static Optional<Refusal> refuse(HttpStatus status, String code, String message) {
		return Optional.of(new Refusal(status, code, message));
	}

	/**
	 * Why the caller gets no token.
	 *
	 * @param status the HTTP status
	 * @param code the stable code
	 * @param message what to do about it
	 */
	record Refusal(HttpStatus status, String code, String message) {

	}

}
