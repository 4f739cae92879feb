package io.towerline.core.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How reports are generated and kept.
 *
 * @param retention how long a report and its files are kept after it was requested
 * ({@code 7d})
 * @param maxPeriod the longest period one report may cover ({@code 366d})
 * @param maxActive reports of one tenant queued or being generated at once ({@code 3})
 * @param chunkBytes bytes per stored file chunk; bounds the memory a file being written
 * or downloaded holds ({@code 262144})
 * @param progressEvery rows between two progress updates ({@code 1000})
 * @param purgeInterval how often expired reports are removed ({@code 1h})
 * @param maxAttempts how many times a report's generation is started before a report
 * whose generation keeps dying (its replica stops mid-report) is failed with
 * REPORT_GENERATION_ABANDONED ({@code 3})
 */
@ConfigurationProperties("towerline.report")
record ReportProperties(Duration retention, Duration maxPeriod, int maxActive, int chunkBytes, int progressEvery,
		Duration purgeInterval, int maxAttempts) {

	/** Top users a report lists when the request names no limit. */
	public static final int DEFAULT_TOP_USERS = 100;

	/** Most top users one report lists. */
	public static final int MAX_TOP_USERS = 100_000;

	public ReportProperties {
		if (retention == null) {
			retention = Duration.ofDays(7);
		}
		if (maxPeriod == null) {
			maxPeriod = Duration.ofDays(366);
		}
		if (maxActive <= 0) {
			maxActive = 3;
		}
		if (chunkBytes <= 0) {
			chunkBytes = 256 * 1024;
		}
		if (progressEvery <= 0) {
			progressEvery = 1000;
		}
		if (purgeInterval == null) {
			purgeInterval = Duration.ofHours(1);
		}
		if (maxAttempts <= 0) {
			maxAttempts = 3;
		}
	}

}
