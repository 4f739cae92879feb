package io.towerline.core.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The bucket sizes usage is kept in (buckets are aligned in UTC), each in its own table
 * partitioned by a coarser period.
 */
public enum Resolution {

	FIVE_MINUTES("usage_5m", Duration.ofMinutes(5), TimePartitions.Period.DAY),

	HOUR("usage_hourly", Duration.ofHours(1), TimePartitions.Period.MONTH),

	DAY("usage_daily", Duration.ofDays(1), TimePartitions.Period.YEAR);

	private final String table;

	private final Duration size;

	private final TimePartitions.Period partitionPeriod;

	Resolution(String table, Duration size, TimePartitions.Period partitionPeriod) {
		this.table = table;
		this.size = size;
		this.partitionPeriod = partitionPeriod;
	}

	String table() {
		return this.table;
	}

	TimePartitions.Period partitionPeriod() {
		return this.partitionPeriod;
	}

	/** The start of the bucket holding this instant. */
	public Instant bucketOf(Instant instant) {
		ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
		return switch (this) {
			case FIVE_MINUTES -> {
				ZonedDateTime minute = utc.truncatedTo(ChronoUnit.MINUTES);
				yield minute.minusMinutes(minute.getMinute() % 5).toInstant();
			}
			case HOUR -> utc.truncatedTo(ChronoUnit.HOURS).toInstant();
			case DAY -> utc.truncatedTo(ChronoUnit.DAYS).toInstant();
		};
	}

	public Duration size() {
		return this.size;
	}

	/**
	 * The SQL {@code date_trunc}-like expression grouping a bucket start to this size.
	 */
	String grouping(String column) {
		return switch (this) {
			case FIVE_MINUTES -> column;
			case HOUR -> "date_trunc('hour', " + column + " AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'";
			case DAY -> "date_trunc('day', " + column + " AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'";
		};
	}

}
