package io.towerline.api.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs {@link BrokenConnectionLogLine} into Logback once the application's logging is
 * set up, and again after every reset of Logback: Spring Boot resets it whenever an
 * application context starts, and a context without this configuration (a test slice, a
 * second application in the JVM) would otherwise leave the running ones without the
 * filter. Installed once however many contexts a JVM starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(LoggerContext.class)
class BrokenConnectionLogging {

	@Bean
	SmartInitializingSingleton brokenConnectionLogLine() {
		return () -> {
			ILoggerFactory factory = LoggerFactory.getILoggerFactory();
			if (factory instanceof LoggerContext logback) {
				keep(logback);
			}
		};
	}

	/** Installs the filter now and after every reset of {@code logback}. */
	static void keep(LoggerContext logback) {
		install(logback);
		if (logback.getCopyOfListenerList().stream().noneMatch(KeptAcrossResets.class::isInstance)) {
			logback.addListener(new KeptAcrossResets());
		}
	}

	static void install(LoggerContext logback) {
		if (logback.getTurboFilterList().stream().noneMatch(BrokenConnectionLogLine.class::isInstance)) {
			BrokenConnectionLogLine filter = new BrokenConnectionLogLine();
			filter.setContext(logback);
			filter.start();
			logback.addTurboFilter(filter);
		}
	}

	/**
	 * Puts the filter back when Logback is reset (a reset clears the turbo filters, then
	 * tells the listeners that survive it).
	 */
	static final class KeptAcrossResets implements LoggerContextListener {

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onReset(LoggerContext context) {
			install(context);
		}

		@Override
		public void onStart(LoggerContext context) {
		}

		@Override
		public void onStop(LoggerContext context) {
		}

		@Override
		public void onLevelChange(Logger logger, Level level) {
		}

	}

}
