package io.towerline.api.outage;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure caused by the database being out of reach rather than by the
 * request: no connection could be had (pool timeout, refused), or the connection broke
 * under the statement or its transaction. These are retryable conditions, not internal
 * errors.
 */
public final class DatabaseOutage {

	/**
	 * SQLSTATE class 08 (connection exception) plus the server going away: admin
	 * shutdown, crash shutdown, cannot connect now (starting up or recovering).
	 */
	private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

	private DatabaseOutage() {
	}

	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof DataAccessResourceFailureException || cause instanceof JDBCConnectionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
					|| cause instanceof ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && connectionState(sql.getSQLState())) {
				return true;
			}
			if (failedRollback(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A rollback the driver could not do: a healthy connection always rolls back, so the
	 * connection broke under the transaction (killed, failed over). The failure that
	 * started the rollback is lost by then: the transaction manager throws the rollback's
	 * failure in its place, whose SQLException (the pool's "connection is closed")
	 * carries no SQLSTATE.
	 */
	private static boolean failedRollback(Throwable cause) {
		if (!(cause.getCause() instanceof SQLException)) {
			return false;
		}
		return (cause instanceof TransactionException
				&& String.valueOf(cause.getMessage()).startsWith("Unable to rollback"))
				|| (cause instanceof TransactionSystemException
						&& String.valueOf(cause.getMessage()).startsWith("Could not roll back"));
	}

	private static boolean connectionState(@Nullable String state) {
		return state != null && (state.startsWith("08") || SERVER_GONE.contains(state));
	}

	private static @Nullable Throwable next(Throwable cause) {
		Throwable next = cause.getCause();
		return (next == cause) ? null : next;
	}

}
