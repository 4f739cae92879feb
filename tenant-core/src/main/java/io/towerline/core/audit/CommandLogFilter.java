package io.towerline.core.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which audit entries to list; every criterion is optional.
 *
 * @param routerId only this router
 * @param subscriber only commands concerning this subscriber user name
 * @param action only this command path
 * @param outcome only this outcome
 * @param from at or after this instant
 * @param to before this instant
 */
public record CommandLogFilter(@Nullable UUID routerId, @Nullable String subscriber, @Nullable String action,
		@Nullable String outcome, @Nullable Instant from, @Nullable Instant to) {

	public static final CommandLogFilter ALL = new CommandLogFilter(null, null, null, null, null, null);

}
