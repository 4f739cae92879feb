package io.towerline.api.observability;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs {@link BrokenConnectionLogLine} into Logback once the application's logging is
 * set up (Spring Boot resets Logback while it starts, which would drop a filter added
 * earlier); installed once however many contexts a JVM starts. A context started later
 * without this configuration (a test slice) resets Logback and drops the filter; a test
 * that needs it afterwards runs this bean again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(LoggerContext.class)
class BrokenConnectionLogging {

	@Bean
	SmartInitializingSingleton brokenConnectionLogLine() {
		return () -> {
			ILoggerFactory factory = LoggerFactory.getILoggerFactory();
			if (factory instanceof LoggerContext logback
					&& logback.getTurboFilterList().stream().noneMatch(BrokenConnectionLogLine.class::isInstance)) {
				BrokenConnectionLogLine filter = new BrokenConnectionLogLine();
				filter.setContext(logback);
				filter.start();
				logback.addTurboFilter(filter);
			}
		};
	}

}
