package io.towerline.core.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.towerline.core.lifecycle.LifecyclePolicies.table;

/**
 * The first result of each idempotent call, stored in the transaction of the call. A
 * second call with the key waits for the first to commit (the primary key), then gets the
 * stored result without doing anything; the same key with a different request is refused.
 */
@Repository
class IdempotencyRecords {

	static final int MAX_KEY_LENGTH = 200;

	private final JdbcClient jdbc;

	IdempotencyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Runs {@code work} once per key and returns its stored result ever after.
	 * @param request the call's canonical form (operation and arguments)
	 * @param work the call; returns the result to store
	 * @return the first result and whether it is a replay
	 */
	Replayable once(String key, String operation, String request, Instant now, Supplier<String> work) {
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			throw new InvalidInputException(
					FieldError.invalid("idempotencyKey", "The key is 1 to " + MAX_KEY_LENGTH + " characters"));
		}
		int inserted = this.jdbc
			.sql("INSERT INTO " + table("idempotency_record")
					+ " (idempotency_key, operation, request, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(key, operation, request, Timestamp.from(now))
			.update();
		if (inserted == 0) {
			Stored stored = this.jdbc
				.sql("SELECT operation, request, result FROM " + table("idempotency_record")
						+ " WHERE idempotency_key = ?")
				.param(key)
				.query((row, n) -> new Stored(row.getString("operation"), row.getString("request"),
						row.getString("result")))
				.single();
			if (!stored.operation().equals(operation) || !stored.request().equals(request) || stored.result() == null) {
				throw new InvalidInputException(new FieldError("idempotencyKey", ErrorCode.DUPLICATE,
						"This idempotency key was used for a different request"));
			}
			return new Replayable(stored.result(), true);
		}
		String result = work.get();
		this.jdbc.sql("UPDATE " + table("idempotency_record") + " SET result = ? WHERE idempotency_key = ?")
			.params(result, key)
			.update();
		return new Replayable(result, false);
	}

	Optional<String> resultOf(String key) {
		return this.jdbc.sql("SELECT result FROM " + table("idempotency_record") + " WHERE idempotency_key = ?")
			.param(key)
			.query(String.class)
			.optional();
	}

	record Replayable(String result, boolean replayed) {

	}

	private record Stored(String operation, String request, String result) {

	}

}
