package io.towerline.core.alert;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which alerts to list; every part is optional and they combine with "and".
 *
 * @param states only in one of these states (none: all)
 * @param severity only of this severity
 * @param ruleId only raised by this rule
 * @param routerId only about this router
 */
public record AlertFilter(List<AlertState> states, @Nullable AlertSeverity severity, @Nullable UUID ruleId,
		@Nullable UUID routerId) {

	public AlertFilter {
		states = List.copyOf(states);
	}

	/** Every alert. */
	public static AlertFilter all() {
		return new AlertFilter(List.of(), null, null, null);
	}

}
