package io.towerline.core.usage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Usage accounting ({@code towerline.usage.*}).
 *
 * @param fiveMinuteRetention how long 5-minute buckets are kept (48 h)
 * @param hourlyRetention how long hourly buckets are kept (90 days)
 * @param dailyRetention how long daily buckets are kept (2 years)
 * @param historyRetention how long ended sessions are kept (2 years)
 * @param maintenanceInterval how often the rollup and partition task runs (5 min)
 * @param rollupGrace how long after a bucket ends it is still written to (samples
 * arriving late); only then is it rolled up (10 min)
 * @param maxPoints the most points one usage series may return (1000)
 */
@ConfigurationProperties("towerline.usage")
record UsageProperties(Duration fiveMinuteRetention, Duration hourlyRetention, Duration dailyRetention,
		Duration historyRetention, Duration maintenanceInterval, Duration rollupGrace, int maxPoints) {

	public UsageProperties {
		if (fiveMinuteRetention == null) {
			fiveMinuteRetention = Duration.ofHours(48);
		}
		if (hourlyRetention == null) {
			hourlyRetention = Duration.ofDays(90);
		}
		if (dailyRetention == null) {
			dailyRetention = Duration.ofDays(730);
		}
		if (historyRetention == null) {
			historyRetention = Duration.ofDays(730);
		}
		if (maintenanceInterval == null) {
			maintenanceInterval = Duration.ofMinutes(5);
		}
		if (rollupGrace == null) {
			rollupGrace = Duration.ofMinutes(10);
		}
		if (maxPoints <= 0) {
			maxPoints = 1000;
		}
	}

}
