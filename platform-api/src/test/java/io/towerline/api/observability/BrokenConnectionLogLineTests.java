package io.towerline.api.observability;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which events lose their stack trace: a connection failure (SQLState class 08 or the
 * server ending the session) logged by the pool or Hibernate, however deep the driver's
 * exception sits and however it was passed; nothing else.
 */
class BrokenConnectionLogLineTests {

	private final LoggerContext context = new LoggerContext();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	@BeforeEach
	void logback() {
		BrokenConnectionLogLine filter = new BrokenConnectionLogLine();
		filter.setContext(this.context);
		filter.start();
		this.context.addTurboFilter(filter);
		this.appender.setContext(this.context);
		this.appender.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
	}

	@Test
	void shouldLogABrokenConnectionAsOneLineKeepingLoggerLevelAndMessage() {
		SQLException terminated = new SQLException("FATAL: terminating connection\n  due to administrator command",
				"57P01");
		this.context.getLogger("com.zaxxer.hikari.pool.ProxyConnection")
			.warn("{} - Connection {} marked as broken because of SQLSTATE({}), ErrorCode({})", "pool", "conn-1",
					"57P01", 0, terminated);
		this.context.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper")
			.error("Unable to release JDBC Connection", new DataAccessResourceFailureException("release",
					new IllegalStateException(new SQLTransientConnectionException("I/O error", "08006"))));
		this.context.getLogger("com.zaxxer.hikari.pool.PoolBase").info("{} - closing", "pool", terminated);
		SQLException closedByPool = new SQLException("Connection is closed");
		closedByPool.setStackTrace(new StackTraceElement[] {
				new StackTraceElement("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection",
						"lambda$getClosedConnection$0", null, -1),
				new StackTraceElement("org.hibernate.Caller", "release", null, -1) });
		this.context.getLogger("org.hibernate.orm.resource.jdbc")
			.warn("HHH10003016: Error before releasing JDBC connection", closedByPool);

		List<ILoggingEvent> events = this.appender.list;
		assertThat(events).hasSize(4).allSatisfy((event) -> assertThat(event.getThrowableProxy()).isNull());
		assertThat(events.get(0).getLoggerName()).isEqualTo("com.zaxxer.hikari.pool.ProxyConnection");
		assertThat(events.get(0).getLevel()).hasToString("WARN");
		assertThat(events.get(0).getFormattedMessage()).isEqualTo("pool - Connection conn-1 marked as broken because "
				+ "of SQLSTATE(57P01), ErrorCode(0) [SQLState 57P01: FATAL: terminating connection due to "
				+ "administrator command]");
		assertThat(events.get(1).getLevel()).hasToString("ERROR");
		assertThat(events.get(1).getFormattedMessage())
			.isEqualTo("Unable to release JDBC Connection [SQLState 08006: I/O error]");
		assertThat(events.get(2).getLevel()).hasToString("INFO");
		assertThat(events.get(3).getFormattedMessage()).isEqualTo(
				"HHH10003016: Error before releasing JDBC connection [closed by the pool: Connection is closed]");
	}

	@Test
	void shouldKeepTheStackTraceOfEverythingElse() {
		SQLException duplicate = new SQLException("duplicate key value", "23505");
		SQLException terminated = new SQLException("FATAL: terminating connection", "57P01");
		this.context.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper").warn("SQL failed", duplicate);
		this.context.getLogger("com.zaxxer.hikari.pool.ProxyConnection")
			.warn("{} - something else", "pool", new IllegalStateException("not SQL"));
		this.context.getLogger("io.towerline.api.Anything").warn("ours", terminated);
		this.context.getLogger("com.zaxxer.hikari.pool.HikariPool").debug("{} - detail", "pool", terminated);
		this.context.getLogger("org.hibernate.orm.resource.jdbc")
			.warn("closed elsewhere", new SQLException("Connection is closed"));

		assertThat(this.appender.list).hasSize(5)
			.allSatisfy((event) -> assertThat(event.getThrowableProxy()).isNotNull());
	}

}
