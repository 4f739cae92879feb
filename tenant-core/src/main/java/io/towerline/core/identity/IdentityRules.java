package io.towerline.core.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What user names, e-mail addresses, passwords, client names and roles must look like.
 */
final class IdentityRules {

	private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{2,63}$");

	private static final int MIN_PASSWORD = 12;

	private static final int MAX_PASSWORD = 128;

	private IdentityRules() {
	}

	static String username(@Nullable String username, List<FieldError> errors) {
		String clean = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		if (!USERNAME.matcher(clean).matches()) {
			errors.add(FieldError.invalid("username",
					"User names are 3 to 64 characters: lower-case letters, digits, '.', '_', '@' or '-'"));
		}
		return clean;
	}

	static String email(@Nullable String email, List<FieldError> errors) {
		String clean = (email != null) ? email.strip() : "";
		int at = clean.indexOf('@');
		if (clean.length() > 254 || at < 1 || at == clean.length() - 1 || clean.chars().anyMatch((c) -> c <= ' ')) {
			errors.add(FieldError.invalid("email", "Give a valid e-mail address"));
		}
		return clean;
	}

	static void password(@Nullable String password, List<FieldError> errors) {
		if (password != null && (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD)) {
			errors.add(FieldError.invalid("password",
					"Passwords are " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters"));
		}
	}

	static String name(@Nullable String name, List<FieldError> errors) {
		String clean = (name != null) ? name.strip() : "";
		if (clean.isEmpty() || clean.length() > 100 || clean.chars().anyMatch(Character::isISOControl)) {
			errors.add(FieldError.invalid("name", "Names are 1 to 100 characters without control characters"));
		}
		return clean;
	}

	static Set<String> roles(Set<String> roles, Set<String> allowed, List<FieldError> errors) {
		if (roles.isEmpty() || !allowed.containsAll(roles)) {
			errors.add(FieldError.invalid("roles", "Give one or more of " + new TreeSet<>(allowed)));
		}
		return Set.copyOf(roles);
	}

	static void check(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(new ArrayList<>(errors));
		}
	}

}
