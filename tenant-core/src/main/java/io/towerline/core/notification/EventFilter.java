package io.towerline.core.notification;

import java.util.Arrays;
import java.util.List;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;

/**
 * Which event types a receiver wants: a comma-separated list of exact types
 * ({@code subscriber.suspended}), feature wildcards ({@code alert.*}) or {@code *}.
 *
 * @param patterns the patterns
 */
public record EventFilter(List<String> patterns) {

	private static final String PATTERN = "\\*|[a-z][a-z_]*\\.(\\*|[a-z][a-z_]*)";

	/**
	 * @throws InvalidInputException when a pattern is malformed or there is none
	 */
	public static EventFilter parse(String text, String field) {
		List<String> patterns = Arrays.stream(text.split(",")).map(String::trim).filter((p) -> !p.isEmpty()).toList();
		if (patterns.isEmpty() || patterns.size() > 50 || !patterns.stream().allMatch((p) -> p.matches(PATTERN))) {
			throw new InvalidInputException(
					FieldError.invalid(field, "A filter is 1 to 50 comma-separated event types, 'feature.*' or '*'"));
		}
		return new EventFilter(patterns);
	}

	public boolean matches(String type) {
		for (String pattern : this.patterns) {
			if (pattern.equals("*") || pattern.equals(type)
					|| (pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1)))) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return String.join(",", this.patterns);
	}

}
