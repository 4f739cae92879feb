package io.towerline.core.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partitions created by several writers at once: every writer's transaction goes on and
 * commits (a concurrent create of one partition used to abort one of them, 25P02 for what
 * followed), and each partition exists once.
 */
@SpringBootTest
class TimePartitionsTests extends DatabaseTest {

	private static final int CREATORS = 6;

	private static final Instant DAY = Instant.parse("2031-03-01T10:00:00Z");

	@Autowired
	TimePartitions partitions;

	@Autowired
	UsageRecorder recorder;

	@Autowired
	UsageTotals totals;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TenantOnboarding onboarding;

	@Test
	void shouldLetConcurrentCreatorsOfOnePartitionAllCommit() throws Exception {
		TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("partrace"));
		this.onboarding.onboard(tenant.slug(), "Partition race", RateLimitTier.STARTER);
		UUID router = UUID.randomUUID();
		int days = 4;
		ExecutorService pool = Executors.newFixedThreadPool(CREATORS);
		try {
			for (int d = 0; d < days; d++) {
				Instant at = DAY.plus(Duration.ofDays(d));
				CyclicBarrier start = new CyclicBarrier(CREATORS);
				List<Future<?>> creators = new ArrayList<>();
				for (int c = 0; c < CREATORS; c++) {
					String username = "user" + c;
					creators.add(pool.submit(() -> TenantContext.runAs(tenant, () -> {
						this.transactions.executeWithoutResult((tx) -> {
							await(start);
							this.partitions.ensure(tenant, Resolution.FIVE_MINUTES.table(), TimePartitions.Period.DAY,
									at, at);
							// the transaction must still be usable after the create
							this.recorder.record(at,
									List.of(new UsageDelta(router, username, null, null, new Counters(1, 2, 3, 4))));
						});
					})));
				}
				for (Future<?> creator : creators) {
					creator.get();
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.partitions.existing(tenant, Resolution.FIVE_MINUTES.table()))
			.containsExactly("usage_5m_p20310301", "usage_5m_p20310302", "usage_5m_p20310303", "usage_5m_p20310304");
		Counters total = TenantContext.callAs(tenant, () -> this.totals.total(UsageScope.router(router),
				DAY.minus(Duration.ofDays(1)), DAY.plus(Duration.ofDays(days))));
		assertThat(total)
			.isEqualTo(new Counters(days * CREATORS, 2L * days * CREATORS, 3L * days * CREATORS, 4L * days * CREATORS));
	}

	@Test
	void shouldLetConcurrentCreatorsWithoutATransactionOfTheirOwnAllSucceed() throws Exception {
		TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("partrace"));
		this.onboarding.onboard(tenant.slug(), "Partition race", RateLimitTier.STARTER);
		ExecutorService pool = Executors.newFixedThreadPool(CREATORS);
		try {
			// as the maintenance pass creates ahead: months of the hourly table, no
			// surrounding transaction
			for (int m = 0; m < 3; m++) {
				Instant at = DAY.plus(Duration.ofDays(31L * m));
				CyclicBarrier start = new CyclicBarrier(CREATORS);
				List<Future<?>> creators = new ArrayList<>();
				for (int c = 0; c < CREATORS; c++) {
					creators.add(pool.submit(() -> {
						await(start);
						this.partitions.ensure(tenant, Resolution.HOUR.table(), TimePartitions.Period.MONTH, at, at);
					}));
				}
				for (Future<?> creator : creators) {
					creator.get();
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.partitions.existing(tenant, Resolution.HOUR.table())).containsExactly("usage_hourly_p203103",
				"usage_hourly_p203104", "usage_hourly_p203105");
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
