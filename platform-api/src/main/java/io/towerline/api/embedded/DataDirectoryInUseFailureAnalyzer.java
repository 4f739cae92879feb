package io.towerline.api.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start refused because another running Towerline owns the embedded database's
 * data directory into Spring Boot's short "APPLICATION FAILED TO START" report: what
 * happened and what to do, instead of a page of bean-creation stack traces.
 */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<OrphanedServer.DataDirectoryInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OrphanedServer.DataDirectoryInUseException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Stop the Towerline that is running (Ctrl-C in its terminal), or start this one with its own data "
						+ "directory: --towerline.embedded.data-dir=<another directory>.",
				cause);
	}

}
