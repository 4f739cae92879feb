package io.towerline.api.throttling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.towerline.core.tenancy.PlatformDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in {@code public.rate_limit_bucket}, shared by every replica: each check is one
 * transaction that locks the bucket's row ({@code SELECT … FOR UPDATE}), so checks of one
 * tenant serialize and checks of different tenants do not meet. A row expires once its
 * bucket would be full again; expired rows are swept every minute.
 */
final class PostgresBuckets implements BucketStore, AutoCloseable {

	static final String TABLE = "public.rate_limit_bucket";

	private static final Logger log = LoggerFactory.getLogger(PostgresBuckets.class);

	private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final ScheduledExecutorService sweeper;

	PostgresBuckets(DataSource dataSource) {
		// the buckets live on main even while the request serves a tenant on another
		// cluster (ADR 0173)
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(PlatformDataSource.of(dataSource))
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table(TABLE)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.build();
		this.sweeper = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("rate-limit-bucket-sweeper").factory());
		this.sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_EVERY.toSeconds(), SWEEP_EVERY.toSeconds(),
				TimeUnit.SECONDS);
	}

	@Override
	public Bucket bucket(String key, Allowance allowance) {
		return this.buckets.builder().build(key, allowance::configuration);
	}

	/** Deletes expired buckets in batches; returns how many were removed. */
	int sweep() {
		try {
			int removed = 0;
			int batch;
			do {
				batch = this.buckets.removeExpired(1_000);
				removed += batch;
			}
			while (batch == 1_000);
			return removed;
		}
		catch (RuntimeException ex) {
			log.warn("Sweeping expired rate-limit buckets failed; retrying in {}", SWEEP_EVERY, ex);
			return 0;
		}
	}

	@Override
	public void close() {
		this.sweeper.shutdownNow();
	}

}
