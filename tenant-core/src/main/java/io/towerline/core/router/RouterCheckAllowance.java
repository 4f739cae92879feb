package io.towerline.core.router;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.stereotype.Component;

/**
 * Counts the connection checks each tenant starts, a bucket per tenant in this replica
 * (ADR 0212): a check connects from the platform's network to any host and port the
 * tenant names, so checks are what a port scan through the platform would be made of.
 * Scheduled health sweeps are not counted (they cover the tenant's stored routers at
 * their own pace).
 */
@Component
class RouterCheckAllowance {

	private final Map<TenantId, Bucket> buckets = new ConcurrentHashMap<>();

	private final Clock clock;

	private final int burst;

	private final Duration refill;

	RouterCheckAllowance(RouterCheckProperties properties, Clock clock) {
		this.clock = clock;
		this.burst = properties.burst();
		this.refill = properties.refillEvery();
	}

	/**
	 * Takes one check of the current tenant's allowance.
	 * @throws RouterChecksExhaustedException when the tenant has none left
	 */
	void take() {
		TenantId tenant = TenantContext.require();
		Instant now = this.clock.instant();
		long waitSeconds = this.buckets.computeIfAbsent(tenant, (key) -> new Bucket(this.burst, now)).take(now);
		if (waitSeconds > 0) {
			throw new RouterChecksExhaustedException(waitSeconds);
		}
		// a full bucket says nothing a new one would not: dropping them keeps the map to
		// the tenants checking right now (deleted tenants leave no key behind)
		this.buckets.entrySet().removeIf((entry) -> entry.getValue().fullAt(now));
	}

	/** Tenants with a partly used allowance, for tests. */
	int tenantsTracked() {
		return this.buckets.size();
	}

	private final class Bucket {

		private double tokens;

		private Instant updated;

		Bucket(int tokens, Instant now) {
			this.tokens = tokens;
			this.updated = now;
		}

		/**
		 * @return 0 when a token was taken, else the seconds until one is back
		 */
		synchronized long take(Instant now) {
			refill(now);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			double missing = 1 - this.tokens;
			return Math.max(1, (long) Math.ceil(missing * RouterCheckAllowance.this.refill.toMillis() / 1000.0));
		}

		synchronized boolean fullAt(Instant now) {
			refill(now);
			return this.tokens >= RouterCheckAllowance.this.burst;
		}

		private void refill(Instant now) {
			long elapsed = Duration.between(this.updated, now).toMillis();
			if (elapsed > 0) {
				this.tokens = Math.min(RouterCheckAllowance.this.burst,
						this.tokens + (double) elapsed / RouterCheckAllowance.this.refill.toMillis());
				this.updated = now;
			}
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
