package io.towerline.core.traffic;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live traffic and traffic snapshots.
 *
 * @param retryMin first wait before asking a router again after a stream failed
 * @param retryMax longest wait between retries (the wait doubles per failure)
 * @param offlineRecheck how often an interface that does not exist (subscriber offline)
 * is looked for again
 * @param snapshotReuse a router's counter reading younger than this is reused instead of
 * asking the router again (dashboards polling at once cost one read)
 * @param snapshotWindowMax the oldest earlier reading rates are computed against; older
 * or missing, the session trackers' last counter samples are (ADR 0171)
 */
@ConfigurationProperties("towerline.traffic")
record TrafficProperties(Duration retryMin, Duration retryMax, Duration offlineRecheck, Duration snapshotReuse,
		Duration snapshotWindowMax) {

	public TrafficProperties {
		retryMin = orDefault(retryMin, Duration.ofSeconds(1));
		retryMax = orDefault(retryMax, Duration.ofSeconds(15));
		offlineRecheck = orDefault(offlineRecheck, Duration.ofSeconds(5));
		snapshotReuse = orDefault(snapshotReuse, Duration.ofSeconds(2));
		snapshotWindowMax = orDefault(snapshotWindowMax, Duration.ofMinutes(5));
	}

	public static TrafficProperties defaults() {
		return new TrafficProperties(null, null, null, null, null);
	}

	private static Duration orDefault(Duration value, Duration fallback) {
		return (value != null) ? value : fallback;
	}

}
