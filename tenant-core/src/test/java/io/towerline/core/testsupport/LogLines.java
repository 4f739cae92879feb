package io.towerline.core.testsupport;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * What one class logs while a test runs, for tests that a warning is logged once, or not
 * at all. Other threads of the shared test JVM log through the same logger: filter the
 * lines by what identifies the test's own objects.
 */
public final class LogLines implements AutoCloseable {

	private final Logger logger;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private LogLines(Class<?> source) {
		this.logger = (Logger) LoggerFactory.getLogger(source);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	/** Starts recording what {@code source} logs. */
	public static LogLines of(Class<?> source) {
		return new LogLines(source);
	}

	/**
	 * The formatted messages logged at {@code level} so far that contain {@code text}.
	 */
	public List<String> at(Level level, String text) {
		synchronized (this.appender) {
			return this.appender.list.stream()
				.filter((event) -> event.getLevel() == level)
				.map(ILoggingEvent::getFormattedMessage)
				.filter((message) -> message.contains(text))
				.toList();
		}
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.appender.stop();
	}

}
