package io.towerline.core.subscriber;

import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a subscriber list is narrowed to; every part is optional and the parts combine.
 *
 * @param text part of the username, full name, e-mail address or phone number (case
 * ignored); blank means none
 * @param status only subscribers in this status
 * @param planId only subscribers on this plan
 * @param routerId only subscribers served by this router
 * @param lifecycleState only subscribers standing here in the lifecycle flow (those
 * without an expiry stand nowhere and never match)
 */
public record SubscriberFilter(@Nullable String text, @Nullable SubscriberStatus status, @Nullable UUID planId,
		@Nullable UUID routerId, @Nullable LifecycleState lifecycleState) {

	/** Longest search text taken; a longer one is a mistake, not a search. */
	public static final int MAX_TEXT = 100;

	public SubscriberFilter {
		if (text != null) {
			text = text.strip();
			if (text.isEmpty()) {
				text = null;
			}
			else if (text.length() > MAX_TEXT) {
				text = text.substring(0, MAX_TEXT);
			}
		}
	}

	/**
	 * The search text as a LIKE pattern matching it anywhere, wildcards in it escaped.
	 */
	@Nullable String pattern() {
		if (this.text == null) {
			return null;
		}
		String escaped = this.text.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
