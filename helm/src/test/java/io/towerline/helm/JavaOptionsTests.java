package io.towerline.helm;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's JVM options reach the container in {@code JAVA_TOOL_OPTIONS}: the heap's
 * share of the memory limit, exit on out-of-memory, and {@code javaOptions} (generational
 * ZGC unless set otherwise, ADR 0270).
 */
class JavaOptionsTests {

	@Test
	void shouldRunGenerationalZgcByDefault() {
		assertThat(javaToolOptions(Map.of()))
			.isEqualTo("-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -XX:+UseZGC");
	}

	@Test
	void shouldPassFurtherOptionsInsteadOfTheCollector() {
		assertThat(
				javaToolOptions(Map.of("javaOptions", "-XX:+UseZGC -XX:+ZGenerational", "javaMaxRamPercentage", "60")))
			.isEqualTo("-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -XX:+UseZGC "
					+ "-XX:+ZGenerational");
	}

	@Test
	void shouldLeaveTheCollectorToTheJvmWithNoOptions() {
		assertThat(javaToolOptions(Map.of("javaOptions", "")))
			.isEqualTo("-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp");
	}

	private static String javaToolOptions(Map<String, Object> sets) {
		Map<String, Map<String, Object>> env = Rendered
			.env(Chart.template(Chart.ciValues("minimal-values.yaml"), sets).get("Deployment"));
		return (String) env.get("JAVA_TOOL_OPTIONS").get("value");
	}

}
