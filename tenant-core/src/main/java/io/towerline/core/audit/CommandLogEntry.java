package io.towerline.core.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One command sent to a router, as recorded.
 *
 * @param id entry id
 * @param at when the command was sent
 * @param routerId the router
 * @param subscriber the user name of the subscriber the command acted on (their secret or
 * session), else null
 * @param target what the command acted on, when one named item
 * @param action the command path, e.g. {@code /ppp/secret/add}
 * @param parameters the command's parameters as JSON, secrets redacted
 * @param outcome SUCCEEDED, REJECTED, FAILED, or UNKNOWN when only the intent was
 * recorded
 * @param errorCode the adapter's error code on failure
 * @param error RouterOS's message on failure
 * @param durationMillis how long the command took
 * @param actor who asked
 * @param operationId the operation it belonged to
 */
public record CommandLogEntry(UUID id, Instant at, @Nullable UUID routerId, @Nullable String subscriber,
		@Nullable CommandTarget target, String action, String parameters, String outcome, @Nullable String errorCode,
		@Nullable String error, long durationMillis, String actor, @Nullable UUID operationId) {

}
