package io.towerline.core.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buckets rolled up from 5 minutes to hours to days keep every total unchanged, whatever
 * scope and however often the rollup runs, and retention drops only partitions already
 * rolled up.
 */
@SpringBootTest
class UsageRollupTests extends DatabaseTest {

	private static final Instant T0 = Instant.parse("2026-01-05T10:02:00Z");

	@Autowired
	UsageRecorder recorder;

	@Autowired
	UsageTotals totals;

	@Autowired
	UsageMaintenance maintenance;

	@Autowired
	TimePartitions partitions;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	UsageRollup rollup;

	@Test
	void shouldKeepTotalsThroughRollupsAndRetention() {
		TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("rollup"));
		this.onboarding.onboard(tenant.slug(), "Rollup", RateLimitTier.STARTER);
		UUID routerA = UUID.randomUUID();
		UUID routerB = UUID.randomUUID();
		UUID alice = UUID.randomUUID();
		UUID bob = UUID.randomUUID();
		UUID plan = UUID.randomUUID();
		TenantContext.runAs(tenant, () -> {
			// alice three times in one 5-minute bucket, then an hour and a day later; bob
			// once on another router; one unmanaged user name
			for (Instant at : List.of(T0, T0.plusSeconds(60), T0.plusSeconds(120), T0.plus(Duration.ofHours(1)),
					T0.plus(Duration.ofDays(1)))) {
				this.recorder.record(at, List.of(new UsageDelta(routerA, "alice", alice, plan, counters(100)),
						new UsageDelta(routerA, "guest", null, null, counters(1))));
			}
			this.recorder.record(T0.plus(Duration.ofHours(2)),
					List.of(new UsageDelta(routerB, "bob", bob, plan, counters(1_000))));

			Instant from = T0.minus(Duration.ofDays(1));
			Instant to = T0.plus(Duration.ofDays(3));
			List<UsageScope> scopes = List.of(UsageScope.subscriber(alice), UsageScope.subscriber(bob),
					UsageScope.plan(plan), UsageScope.router(routerA), UsageScope.router(routerB), UsageScope.tenant());
			List<Counters> expected = List.of(counters(500), counters(1_000), counters(1_500), counters(505),
					counters(1_000), counters(1_505));
			assertThat(scopes.stream().map((scope) -> this.totals.total(scope, from, to)).toList()).isEqualTo(expected);
			List<UsagePoint> hourly = this.totals.series(UsageScope.subscriber(alice), from, to, Resolution.HOUR);
			assertThat(hourly).extracting(UsagePoint::start)
				.containsExactly(Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2026-01-05T11:00:00Z"),
						Instant.parse("2026-01-06T10:00:00Z"));

			Instant now = T0.plus(Duration.ofDays(3));
			this.maintenance.run(now);
			this.maintenance.run(now);
			assertThat(scopes.stream().map((scope) -> this.totals.total(scope, from, to)).toList()).isEqualTo(expected);
			assertThat(this.totals.series(UsageScope.subscriber(alice), from, to, Resolution.DAY)).containsExactly(
					new UsagePoint(Instant.parse("2026-01-05T00:00:00Z"), counters(400)),
					new UsagePoint(Instant.parse("2026-01-06T00:00:00Z"), counters(100)));
			// the day that ended more than 48 h ago is gone from the 5-minute buckets
			// (its
			// usage lives on in the rollups); the next one still holds younger buckets
			assertThat(this.partitions.existing(tenant, "usage_5m")).doesNotContain("usage_5m_p20260105")
				.contains("usage_5m_p20260106");
			assertThat(this.partitions.existing(tenant, "usage_hourly")).contains("usage_hourly_p202601");
			assertThat(this.partitions.existing(tenant, "usage_5m")).contains("usage_5m_p20260109");
		});
	}

	@Test
	void shouldMoveOnOverWindowsWithoutUsageAndRollUpWhatComesLater() {
		TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("idle"));
		this.onboarding.onboard(tenant.slug(), "Idle", RateLimitTier.STARTER);
		UUID alice = UUID.randomUUID();
		TenantContext.runAs(tenant, () -> {
			// nothing recorded yet: a pass has nothing to roll up and must say so quietly
			Instant first = T0.plus(Duration.ofDays(1));
			assertThat(this.rollup.rollUp(first)).isZero();
			assertThat(this.rollup.watermark(tenant, Resolution.HOUR)).isEqualTo(Resolution.HOUR.bucketOf(first));
			// usage after an idle stretch still rolls up
			Instant later = first.plus(Duration.ofHours(3));
			this.recorder.record(later, List.of(new UsageDelta(UUID.randomUUID(), "alice", alice, null, counters(7))));
			assertThat(this.rollup.rollUp(later.plus(Duration.ofDays(2)))).isPositive();
			assertThat(this.totals.series(UsageScope.subscriber(alice), T0, later.plus(Duration.ofDays(2)),
					Resolution.DAY))
				.extracting(UsagePoint::counters)
				.containsExactly(counters(7));
		});
	}

	private static Counters counters(long value) {
		return new Counters(value, value * 2, value / 10, value / 20);
	}

}
