package io.towerline.api.embedded;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryInUseFailureAnalyzerTests {

	/** Registered in {@code META-INF/spring.factories}, found as Spring Boot finds it. */
	@Test
	void shouldExplainAStartRefusedByALiveOwnerInTwoLines() {
		OrphanedServer.DataDirectoryInUseException refused = new OrphanedServer.DataDirectoryInUseException(
				"The embedded database directory /data/pgdata is in use by another running Towerline (PostgreSQL pid 42)");
		Throwable failure = new BeanCreationException("dataSource", "could not start",
				new BeanCreationException("embeddedPostgres", "failed", refused));

		FailureAnalysis analysis = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			// analyzers that need the bean factory cannot be made here: skip them
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}))
			.stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter((candidate) -> candidate != null)
			.findFirst()
			.orElseThrow();

		assertThat(analysis.getDescription()).contains("in use by another running Towerline (PostgreSQL pid 42)");
		assertThat(analysis.getAction()).contains("towerline.embedded.data-dir");
		assertThat(analysis.getCause()).isSameAs(refused);
	}

}
