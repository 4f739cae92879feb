package io.towerline.api.production;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused production start into Spring Boot's short failure report: one line per
 * missing setting, and what to do.
 */
class UnsafeProductionConfigurationFailureAnalyzer
		extends AbstractFailureAnalyzer<UnsafeProductionConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionConfigurationException cause) {
		String settings = cause.missing()
			.stream()
			.map((setting) -> "  - " + setting)
			.collect(Collectors.joining(System.lineSeparator()));
		return new FailureAnalysis(
				"The production profile refuses to start on embedded defaults. Missing settings:"
						+ System.lineSeparator() + settings,
				"Give each setting above (the Helm chart maps them from existing Secrets), or run without the "
						+ "production profile to use the embedded defaults.",
				cause);
	}

}
