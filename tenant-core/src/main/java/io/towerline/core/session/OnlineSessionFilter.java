package io.towerline.core.session;

import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.text.VerbatimText;
import org.jspecify.annotations.Nullable;

/**
 * Which online sessions to list; every part is optional.
 *
 * @param text part of the user name (any case), IP address or caller-id (MAC, any case);
 * never a control character (ADR 0229)
 */
public record OnlineSessionFilter(@Nullable UUID routerId, @Nullable UUID popId, @Nullable UUID planId,
		@Nullable UUID subscriberId, @Nullable String text) {

	public static final OnlineSessionFilter ALL = new OnlineSessionFilter(null, null, null, null, null);

	/**
	 * @throws InvalidInputException (VALIDATION_FAILED on {@code search}) when the text
	 * holds a control character: the search text joins its values with one (ADR 0217),
	 * and no user name, address or MAC a staff member types holds one
	 */
	public OnlineSessionFilter {
		if (text != null && VerbatimText.hasControl(text)) {
			throw new InvalidInputException(
					FieldError.invalid("search", "Search text must not contain control characters"));
		}
	}

	public static OnlineSessionFilter ofRouter(UUID routerId) {
		return new OnlineSessionFilter(routerId, null, null, null, null);
	}

	public static OnlineSessionFilter ofSubscriber(UUID subscriberId) {
		return new OnlineSessionFilter(null, null, null, subscriberId, null);
	}

}
