package io.towerline.api.observability;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Turns the connection pool's and Hibernate's log events about a broken database
 * connection into one line each: a connection the database closed (failover, restart,
 * {@code pg_terminate_backend}) made HikariCP warn that it marks the connection broken
 * and Hibernate warn while releasing it, each with the driver's whole stack trace, on
 * every connection in use. The event is kept — same logger, same level, its message
 * followed by the SQLState and the driver's message — only the stack trace goes (ADR
 * 0225). Events about anything but a connection failure (SQLState class 08, or
 * 57P01–57P03: the server shut the session down) pass untouched.
 */
public final class BrokenConnectionLogLine extends TurboFilter {

	private static final Set<String> SOURCES = Set.of("com.zaxxer.hikari", "org.hibernate");

	private static final int MAX_CAUSES = 20;

	private static final String CLOSED_POOL_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

	@Override
	public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
			Object @Nullable [] params, @Nullable Throwable t) {
		if (format == null || !level.isGreaterOrEqual(Level.INFO) || !fromSource(logger.getName())) {
			return FilterReply.NEUTRAL;
		}
		Throwable thrown = (t != null) ? t : trailingThrowable(params);
		SQLException broken = (thrown != null) ? connectionFailure(thrown) : null;
		if (broken == null) {
			return FilterReply.NEUTRAL;
		}
		Object[] arguments = (t != null || params == null) ? params : Arrays.copyOf(params, params.length - 1);
		String state = (broken.getSQLState() != null) ? "SQLState " + broken.getSQLState() : "closed by the pool";
		String message = MessageFormatter.basicArrayFormat(format, arguments) + " [" + state + ": "
				+ oneLine(broken.getMessage()) + "]";
		// logged again without the throwable; this filter lets that event pass
		switch (level.toInt()) {
			case Level.ERROR_INT -> logger.error(marker, message);
			case Level.WARN_INT -> logger.warn(marker, message);
			default -> logger.info(marker, message);
		}
		return FilterReply.DENY;
	}

	/**
	 * The SQLException in {@code thrown}'s causes that says the connection itself failed,
	 * if any.
	 */
	static @Nullable SQLException connectionFailure(Throwable thrown) {
		Set<Throwable> seen = new HashSet<>();
		for (Throwable cause = thrown; cause != null && seen.size() < MAX_CAUSES
				&& seen.add(cause); cause = cause.getCause()) {
			if (cause instanceof SQLException sql
					&& (isConnectionState(sql.getSQLState()) || fromClosedPoolConnection(sql))) {
				return sql;
			}
		}
		return null;
	}

	/**
	 * HikariCP's stand-in for a connection it closed (evicted as broken) throws a plain
	 * {@code SQLException("Connection is closed")} without an SQLState.
	 */
	private static boolean fromClosedPoolConnection(SQLException sql) {
		if (sql.getSQLState() != null) {
			return false;
		}
		StackTraceElement[] frames = sql.getStackTrace();
		for (int i = 0; i < Math.min(frames.length, 4); i++) {
			if (frames[i].getClassName().startsWith(CLOSED_POOL_CONNECTION)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConnectionState(@Nullable String state) {
		return state != null
				&& (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
	}

	private static boolean fromSource(String loggerName) {
		for (String source : SOURCES) {
			if (loggerName.startsWith(source)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Throwable trailingThrowable(Object @Nullable [] params) {
		return (params != null && params.length > 0 && params[params.length - 1] instanceof Throwable throwable)
				? throwable : null;
	}

	private static String oneLine(@Nullable String text) {
		return (text != null) ? text.replaceAll("\\s+", " ").trim() : "";
	}

}
