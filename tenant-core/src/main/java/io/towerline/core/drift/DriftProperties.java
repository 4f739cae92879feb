package io.towerline.core.drift;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Drift detection settings.
 *
 * @param interval time from one scheduled sweep's start to the next's; each router is
 * checked once in it, the checks spread over three quarters of it ({@code 15m} by
 * default)
 * @param concurrency routers checked at once during a sweep (4 by default)
 * @param retention how long reports are kept ({@code 30d} by default)
 */
@ConfigurationProperties("towerline.drift")
record DriftProperties(Duration interval, int concurrency, Duration retention) {

	public DriftProperties {
		if (interval == null) {
			interval = Duration.ofMinutes(15);
		}
		if (concurrency < 1) {
			concurrency = 4;
		}
		if (retention == null) {
			retention = Duration.ofDays(30);
		}
	}

}
