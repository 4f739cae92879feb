package io.towerline.api.observability;

import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broken-connection filter belongs to the logging configuration, so every context
 * start installs it once: Spring Boot resets Logback whenever a context starts (a test
 * slice after the application's context, any second context in the JVM), and a filter a
 * bean had added was gone once a context without that bean started (ADR 0237).
 */
class BrokenConnectionLogConfigurationTests {

	@Test
	void shouldInstallTheFilterOnceOnEveryContextStartEvenWithoutAnyBeanOfTheApplication() {
		for (int start = 1; start <= 3; start++) {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NoBeans.class)
				.web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.run()) {
				assertThat(filters()).as("after context start %d", start)
					.filteredOn(BrokenConnectionLogLine.class::isInstance)
					.singleElement()
					.satisfies((filter) -> assertThat(filter.isStarted()).isTrue());
			}
		}
	}

	private static List<TurboFilter> filters() {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList();
	}

	/** A context with none of the application's beans, as a test slice's. */
	@Configuration(proxyBeanMethods = false)
	static class NoBeans {

	}

}
