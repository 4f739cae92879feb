package io.towerline.core.subscriber;

import java.util.regex.Pattern;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * PPPoE user names the platform accepts: what RouterOS stores as a {@code /ppp/secret}
 * name and what PPPoE clients can send, without characters that break dynamic interface
 * names ({@code <pppoe-NAME>}) or operators' scripts.
 */
public final class PppoeUsername {

	private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$");

	private PppoeUsername() {
	}

	/**
	 * The validated user name.
	 * @throws InvalidInputException when it is empty, longer than 64, or uses other
	 * characters than letters, digits and {@code . _ @ + -} (first character a letter or
	 * digit)
	 */
	public static String of(@Nullable String username) {
		String clean = (username != null) ? username.strip() : "";
		if (!VALID.matcher(clean).matches()) {
			throw new InvalidInputException(FieldError.invalid("username",
					"The PPPoE username must be 1 to 64 letters, digits or . _ @ + -, starting with a letter or digit"));
		}
		return clean;
	}

	/**
	 * A validated PPPoE password.
	 * @throws InvalidInputException when it is shorter than 4 or longer than 64
	 * characters or holds control characters
	 */
	public static String password(@Nullable String password) {
		if (password == null || password.length() < 4 || password.length() > 64
				|| password.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException(FieldError.invalid("password",
					"The PPPoE password must be 4 to 64 characters without control characters"));
		}
		return password;
	}

}
