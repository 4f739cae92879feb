package io.towerline.core.router;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.stereotype.Component;

/**
 * Counts the connection checks each tenant starts, a Bucket4j bucket per tenant in this
 * replica (ADR 0212, the same local buckets as the platform's request limits): a check
 * connects from the platform's network to any host and port the tenant names, so checks
 * are what a port scan through the platform would be made of. Scheduled health sweeps are
 * not counted (they cover the tenant's stored routers at their own pace).
 */
@Component
class RouterCheckAllowance {

	private final Cache<TenantId, Bucket> buckets;

	private final Bandwidth allowance;

	private final TimeMeter time;

	RouterCheckAllowance(RouterCheckProperties properties, Clock clock) {
		this.allowance = Bandwidth.builder()
			.capacity(properties.burst())
			.refillGreedy(1, properties.refillEvery())
			.build();
		this.time = new ClockTime(clock);
		// a bucket untouched for as long as an empty one takes to refill is full, so
		// dropping it loses nothing; expiry keeps the map to the tenants checking now
		// (deleted tenants leave no key behind) without any work on the request path
		Duration refillsFromEmpty = properties.refillEvery().multipliedBy(properties.burst());
		this.buckets = Caffeine.newBuilder()
			.expireAfterAccess(refillsFromEmpty.plusSeconds(1))
			.ticker(this.time::currentTimeNanos)
			.build();
	}

	/**
	 * Takes one check of the current tenant's allowance.
	 * @throws RouterChecksExhaustedException when the tenant has none left
	 */
	void take() {
		TenantId tenant = TenantContext.require();
		ConsumptionProbe probe = this.buckets.get(tenant, (missing) -> newBucket()).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
			throw new RouterChecksExhaustedException(Math.max(1, wait.plusNanos(999_999_999).toSeconds()));
		}
	}

	/** Tenants whose bucket is still kept, for tests. */
	long tenantsTracked() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	private Bucket newBucket() {
		return Bucket.builder().addLimit(this.allowance).withCustomTimePrecision(this.time).build();
	}

	/**
	 * The application's clock as Bucket4j and Caffeine read time, so tests can move it.
	 */
	private record ClockTime(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

	/** The tenant started as many connection checks as it may for now. */
	static final class RouterChecksExhaustedException extends DomainException {

		RouterChecksExhaustedException(long waitSeconds) {
			super(ErrorCode.ROUTER_CHECKS_EXHAUSTED,
					"Too many router connection checks in a short time; try again in " + waitSeconds + " s");
		}

	}

}
