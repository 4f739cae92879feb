package io.towerline.mikrotik.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.towerline.mikrotik.RouterErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * One command as sent to a router, with its outcome.
 *
 * @param id the id of its {@link CommandIntent}
 * @param router {@code host:port}
 * @param path the menu command, e.g. {@code /ppp/secret/add}
 * @param parameters attribute and query words in order; passwords and other secrets are
 * {@code ***}
 * @param outcome how it ended
 * @param errorCode the stable error code when it did not succeed
 * @param errorMessage the router's or the client's message when it did not succeed (never
 * holds a secret)
 * @param startedAt when the command was started
 * @param duration from sending to the end, throttling and retries excluded
 */
public record AuditedCommand(UUID id, String router, String path, Map<String, String> parameters, Outcome outcome,
		@Nullable RouterErrorCode errorCode, @Nullable String errorMessage, Instant startedAt, Duration duration) {

	public enum Outcome {

		/** {@code !done} without a trap. */
		SUCCEEDED,
		/** The router answered {@code !trap}. */
		REJECTED,
		/**
		 * Timeout, broken connection, protocol error: the router may or may not have
		 * applied it.
		 */
		FAILED

	}

}
