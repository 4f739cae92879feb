package io.towerline.api.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Backlog metrics ({@code towerline.metrics.*}).
 *
 * @param backlogRefresh how old a backlog reading may be before a scrape reads the
 * tenants' tables again (30 s; each reading is one statement per 200 tenants)
 */
@ConfigurationProperties("towerline.metrics")
public record BacklogMetricsProperties(Duration backlogRefresh) {

	public BacklogMetricsProperties {
		if (backlogRefresh == null) {
			backlogRefresh = Duration.ofSeconds(30);
		}
	}

}
