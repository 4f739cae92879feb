package io.towerline.core.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.towerline.core.sweep.TenantSweeps;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One pass over a tenant's usage and session history tables: partitions created ahead,
 * finished buckets rolled up, partitions past retention dropped. A fine partition is
 * dropped only once everything in it has been rolled up, whatever its retention says.
 */
@Component
public class UsageMaintenance {

	private static final Logger log = LoggerFactory.getLogger(UsageMaintenance.class);

	/** The partitioned table of ended sessions, by logout month. */
	public static final String SESSION_HISTORY = "session_history";

	private final TimePartitions partitions;

	private final UsageRollup rollup;

	private final TenantSweeps sweeps;

	private final UsageProperties properties;

	private final Clock clock;

	UsageMaintenance(TimePartitions partitions, UsageRollup rollup, TenantSweeps sweeps, UsageProperties properties,
			Clock clock) {
		this.partitions = partitions;
		this.rollup = rollup;
		this.sweeps = sweeps;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Every active tenant, one after the other; one tenant's failure does not stop the
	 * rest.
	 */
	public void runAll() {
		// a failed tenant is retried by the next pass
		this.sweeps.forEachTenant("Usage maintenance", (tenant) -> run(this.clock.instant()));
	}

	/** One pass over the current tenant as of {@code now}. */
	public void run(Instant now) {
		TenantId tenant = TenantContext.require();
		createAhead(tenant, now);
		this.rollup.rollUp(now.minus(this.properties.rollupGrace()));
		List<String> dropped = new ArrayList<>();
		Instant hourUntil = this.rollup.watermark(tenant, Resolution.HOUR);
		Instant dayUntil = this.rollup.watermark(tenant, Resolution.DAY);
		dropped.addAll(drop(tenant, Resolution.FIVE_MINUTES,
				earlier(now.minus(this.properties.fiveMinuteRetention()), hourUntil)));
		dropped.addAll(drop(tenant, Resolution.HOUR, earlier(now.minus(this.properties.hourlyRetention()), dayUntil)));
		dropped.addAll(drop(tenant, Resolution.DAY, now.minus(this.properties.dailyRetention())));
		dropped.addAll(this.partitions.dropEndingBy(tenant, SESSION_HISTORY, TimePartitions.Period.MONTH,
				now.minus(this.properties.historyRetention())));
		if (!dropped.isEmpty()) {
			log.info("Dropped partitions past retention in tenant {}: {}", tenant, dropped);
		}
	}

	private void createAhead(TenantId tenant, Instant now) {
		this.partitions.ensure(tenant, Resolution.FIVE_MINUTES.table(), TimePartitions.Period.DAY, now,
				now.plus(Duration.ofDays(2)));
		this.partitions.ensure(tenant, Resolution.HOUR.table(), TimePartitions.Period.MONTH, now,
				now.plus(Duration.ofDays(31)));
		this.partitions.ensure(tenant, Resolution.DAY.table(), TimePartitions.Period.YEAR, now,
				now.plus(Duration.ofDays(366)));
		this.partitions.ensure(tenant, SESSION_HISTORY, TimePartitions.Period.MONTH, now,
				now.plus(Duration.ofDays(31)));
	}

	private List<String> drop(TenantId tenant, Resolution resolution, Instant before) {
		return this.partitions.dropEndingBy(tenant, resolution.table(), resolution.partitionPeriod(), before);
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
