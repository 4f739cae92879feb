package io.towerline.mikrotik.connection;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.command.Row;
import org.jspecify.annotations.Nullable;

/**
 * Receives the replies of one tagged command. Called on the connection's reader thread,
 * so implementations only record or enqueue and return at once; they never run caller
 * code (D8, D9).
 */
interface ReplyHandler {

	void row(Row row);

	void trap(@Nullable Integer category, String message);

	/** {@code !done}: the last reply of the command. */
	void done(Row attributes);

	/** The connection broke before {@code !done}. */
	void failed(RouterException failure);

	/** For replies nobody waits for, such as the answer to {@code /cancel}. */
	ReplyHandler IGNORE = new ReplyHandler() {

		@Override
		public void row(Row row) {
		}

		@Override
		public void trap(@Nullable Integer category, String message) {
		}

		@Override
		public void done(Row attributes) {
		}

		@Override
		public void failed(RouterException failure) {
		}

	};

}
