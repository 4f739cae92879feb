package io.towerline.core.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Health history settings.
 *
 * @param minuteRetention how long minute samples are kept ({@code 7d} by default)
 * @param hourRetention how long hourly figures are kept ({@code 365d} by default)
 * @param sampleMaxAge a router last checked longer ago than this gets no sample (the
 * health sweep has not seen it, so there is nothing new to record); {@code 5m} by default
 */
@ConfigurationProperties("towerline.health")
public record HealthProperties(Duration minuteRetention, Duration hourRetention, Duration sampleMaxAge) {

	public HealthProperties {
		if (minuteRetention == null) {
			minuteRetention = Duration.ofDays(7);
		}
		if (hourRetention == null) {
			hourRetention = Duration.ofDays(365);
		}
		if (sampleMaxAge == null) {
			sampleMaxAge = Duration.ofMinutes(5);
		}
	}

}
