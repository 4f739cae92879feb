package io.towerline.core.notification;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{variable}}} placeholders. Values are inserted verbatim (mail and SMS are
 * plain text); a variable the event does not carry becomes empty. Counts come also
 * written with their noun ({@code daysLeft}: "1 day", "3 days"), since a template cannot
 * choose between singular and plural.
 */
final class TemplateText {

	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*}}");

	/** The variables templates may use. */
	static final Set<String> VARIABLES = Set.of("name", "username", "plan", "expiresOn", "graceEndsOn", "suspendOn",
			"days", "daysLeft", "amount", "currency", "reference", "until", "reason", "summary", "type", "subject",
			"tenant", "messageId", "occurredAt");

	private TemplateText() {
	}

	static String render(String text, Map<String, String> variables) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(matcher.group(1), "")));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** The placeholders of {@code text} that are not known variables. */
	static Set<String> unknown(String text) {
		Set<String> unknown = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			if (!VARIABLES.contains(matcher.group(1))) {
				unknown.add(matcher.group(1));
			}
		}
		return unknown;
	}

}
