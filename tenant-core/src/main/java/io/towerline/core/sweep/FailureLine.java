package io.towerline.core.sweep;

import java.sql.SQLException;

import io.towerline.core.error.DomainException;

/**
 * A failure as one log line: its stable code and the message of its deepest cause. The
 * outer exceptions of a failed sweep are framework wrappers ("Could not open JPA
 * EntityManager for transaction"); what an operator can act on is at the bottom of the
 * chain, with PostgreSQL's SQLState or the domain's error code as the code.
 */
final class FailureLine {

	private FailureLine() {
	}

	static String of(Throwable failure) {
		String code = failure.getClass().getSimpleName();
		Throwable deepest = failure;
		boolean coded = false;
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (!coded && cause instanceof DomainException domain) {
				code = domain.code().name();
				coded = true;
			}
			else if (!coded && cause instanceof SQLException sql && sql.getSQLState() != null) {
				code = "SQLState " + sql.getSQLState();
				coded = true;
			}
			deepest = cause;
		}
		String message = (deepest.getMessage() != null) ? deepest.getMessage() : deepest.getClass().getName();
		return code + ": " + message.strip().replaceAll("\\s*\\R\\s*", " ");
	}

}
