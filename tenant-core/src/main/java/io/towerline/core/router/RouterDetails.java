package io.towerline.core.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.text.VerbatimText;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a router, validated and normalised.
 *
 * @param name unique within the tenant
 * @param host DNS name or IP address
 * @param port RouterOS API port (8728 plain, 8729 API-SSL by default)
 * @param apiSsl whether to use API-SSL
 * @param certificateFingerprint SHA-256 fingerprint to pin (64 hex digits, normalised to
 * lower case without colons); without it API-SSL verifies the certificate against the
 * JVM's trusted CAs
 * @param popId the POP where the router stands
 * @param username API user name
 */
public record RouterDetails(String name, String host, int port, boolean apiSsl, @Nullable String certificateFingerprint,
		@Nullable UUID popId, String username) {

	private static final Pattern HOST = Pattern.compile(
			"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");

	private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

	private static final Pattern FINGERPRINT = Pattern.compile("^[0-9a-f]{64}$");

	/**
	 * Validates raw input.
	 * @throws InvalidInputException listing every problem, field by field
	 */
	public static RouterDetails of(@Nullable String name, @Nullable String host, @Nullable Integer port,
			@Nullable Boolean apiSsl, @Nullable String certificateFingerprint, @Nullable UUID popId,
			@Nullable String username) {
		List<FieldError> errors = new ArrayList<>();
		String cleanName = (name != null) ? name.strip() : "";
		if (cleanName.isEmpty() || cleanName.length() > 100 || hasControl(cleanName)) {
			errors.add(FieldError.invalid("name", "The name must be 1 to 100 characters without control characters"));
		}
		String cleanHost = (host != null) ? host.strip() : "";
		if (!HOST.matcher(cleanHost).matches() && !(cleanHost.contains(":") && IPV6.matcher(cleanHost).matches())) {
			errors.add(FieldError.invalid("host", "The host must be a DNS name or an IP address"));
		}
		boolean ssl = Boolean.TRUE.equals(apiSsl);
		int cleanPort = (port != null) ? port : (ssl ? 8729 : 8728);
		if (cleanPort < 1 || cleanPort > 65535) {
			errors.add(FieldError.invalid("port", "The port must be between 1 and 65535"));
		}
		String fingerprint = null;
		if (certificateFingerprint != null && !certificateFingerprint.isBlank()) {
			fingerprint = certificateFingerprint.strip().replace(":", "").toLowerCase(Locale.ROOT);
			if (!FINGERPRINT.matcher(fingerprint).matches()) {
				errors.add(FieldError.invalid("certificateFingerprint",
						"The fingerprint must be a SHA-256 digest: 64 hex digits, colons allowed"));
			}
			else if (!ssl) {
				errors.add(FieldError.invalid("certificateFingerprint", "A certificate fingerprint needs API-SSL"));
			}
		}
		String cleanUser = (username != null) ? username : "";
		if (VerbatimText.hasOuterSpace(cleanUser)) {
			errors.add(FieldError.invalid("username",
					"The username starts or ends with white space; remove it (it is sent to the router as given)"));
		}
		else if (cleanUser.isEmpty() || cleanUser.length() > 64 || hasControl(cleanUser)
				|| VerbatimText.hasUnpairedSurrogate(cleanUser)) {
			errors.add(FieldError.invalid("username",
					"The username must be 1 to 64 characters without control characters or unpaired surrogates"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new RouterDetails(cleanName, cleanHost, cleanPort, ssl, fingerprint, popId, cleanUser);
	}

	/**
	 * Validates a router password (what RouterOS can store and the API can carry).
	 * @throws InvalidInputException when it is empty, too long or holds control
	 * characters
	 */
	public static char[] password(@Nullable String password) {
		if (password == null || password.isEmpty() || password.length() > 128 || hasControl(password)
				|| VerbatimText.hasUnpairedSurrogate(password)) {
			throw new InvalidInputException(FieldError.invalid("password",
					"The password must be 1 to 128 characters without control characters or unpaired surrogates"
							+ " (which have no UTF-8 form)"));
		}
		return password.toCharArray();
	}

	private static boolean hasControl(String text) {
		return text.chars().anyMatch(Character::isISOControl);
	}

}
