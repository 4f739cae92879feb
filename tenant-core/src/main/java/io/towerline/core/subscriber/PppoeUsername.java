package io.towerline.core.subscriber;

import java.util.regex.Pattern;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.text.VerbatimText;
import org.jspecify.annotations.Nullable;

/**
 * PPPoE user names and passwords the platform accepts: what RouterOS stores in a
 * {@code /ppp/secret} and what every PPPoE client sends as the same bytes. Values are
 * kept exactly as given or refused, never trimmed or re-encoded (ADR 0051).
 */
public final class PppoeUsername {

	private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$");

	private PppoeUsername() {
	}

	/**
	 * The validated user name, unchanged.
	 * @throws InvalidInputException when it is empty, longer than 64, starts or ends with
	 * white space, or uses other characters than letters, digits and {@code . _ @ + -}
	 * (first character a letter or digit); names that break dynamic interface names
	 * ({@code <pppoe-NAME>}) or operators' scripts stay out
	 */
	public static String of(@Nullable String username) {
		String name = (username != null) ? username : "";
		if (VerbatimText.hasOuterSpace(name)) {
			throw new InvalidInputException(FieldError.invalid("username",
					"The PPPoE username starts or ends with white space; remove it (the platform does not change"
							+ " usernames)"));
		}
		if (!VALID.matcher(name).matches()) {
			throw new InvalidInputException(FieldError.invalid("username",
					"The PPPoE username must be 1 to 64 letters, digits or . _ @ + -, starting with a letter or digit"));
		}
		return name;
	}

	/**
	 * A validated PPPoE password, unchanged.
	 * @throws InvalidInputException when it is shorter than 4 or longer than 64
	 * characters, holds anything but printable ASCII (space to {@code ~}), or starts or
	 * ends with a space
	 */
	public static String password(@Nullable String password) {
		if (password == null || password.length() < 4 || password.length() > 64) {
			throw new InvalidInputException(
					FieldError.invalid("password", "The PPPoE password must be 4 to 64 characters"));
		}
		if (!VerbatimText.isPrintableAscii(password)) {
			throw new InvalidInputException(FieldError.invalid("password",
					"The PPPoE password may hold only printable ASCII: letters A-Z and a-z, digits, punctuation and"
							+ " inner spaces (PPPoE clients send other characters in different encodings, so they"
							+ " would not match)"));
		}
		if (VerbatimText.hasOuterSpace(password)) {
			throw new InvalidInputException(FieldError.invalid("password",
					"The PPPoE password starts or ends with a space, which many PPPoE clients drop; remove it"));
		}
		return password;
	}

}
