package io.towerline.api.throttling;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.towerline.core.tenancy.catalog.RateLimitTier;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much each tenant may ask of the API.
 *
 * @param backend where buckets live: {@code local} (this replica only) or
 * {@code postgresql} (shared by every replica)
 * @param tiers each tier's bucket; tiers left out keep their defaults
 * @param clientShare each API client's own bucket as a share (0–1] of its tenant's
 * bucket, so one integration cannot use up its tenant's whole allowance
 * @param platformTier the tier of the platform admins' realm
 * @param tierCacheTtl how long a tenant's tier is cached; a tier change on this replica
 * applies at once, on others within this time
 * @param concurrentOperations each tenant's share of the GraphQL operations running at
 * once in one replica (0 switches the bulkhead off)
 * @param concurrencyWait how long an operation over its tenant's share waits for a place
 * before it is refused (TENANT_CONCURRENCY_EXCEEDED)
 * @param maxSubscriptions open graphql-ws subscriptions per tenant in one replica
 * @param replayDelay how long the answer to a replay of a throttled request is held
 * (parked) before it is sent, at most until the request would fit; bounds what a client
 * retrying in a loop can make the server do (0 answers at once)
 */
@ConfigurationProperties("towerline.rate-limit")
public record ThrottlingProperties(Backend backend, Map<RateLimitTier, Allowance> tiers, double clientShare,
		RateLimitTier platformTier, Duration tierCacheTtl, Integer concurrentOperations, Duration concurrencyWait,
		int maxSubscriptions, Duration replayDelay) {

	static final Map<RateLimitTier, Allowance> DEFAULT_TIERS = Map.of(RateLimitTier.STARTER, new Allowance(10_000, 100),
			RateLimitTier.STANDARD, new Allowance(50_000, 500), RateLimitTier.ENTERPRISE,
			new Allowance(250_000, 2_500));

	public ThrottlingProperties {
		if (backend == null) {
			backend = Backend.LOCAL;
		}
		Map<RateLimitTier, Allowance> all = new EnumMap<>(DEFAULT_TIERS);
		if (tiers != null) {
			all.putAll(tiers);
		}
		tiers = Map.copyOf(all);
		if (clientShare <= 0 || clientShare > 1) {
			clientShare = 0.5;
		}
		if (platformTier == null) {
			platformTier = RateLimitTier.ENTERPRISE;
		}
		if (tierCacheTtl == null) {
			tierCacheTtl = Duration.ofSeconds(30);
		}
		if (concurrentOperations == null || concurrentOperations < 0) {
			// a dashboard's burst of parallel queries fits
			concurrentOperations = 8;
		}
		if (concurrencyWait == null || concurrencyWait.isNegative()) {
			// waiting is parked, so it costs the others nothing
			concurrencyWait = Duration.ofSeconds(1);
		}
		if (maxSubscriptions <= 0) {
			maxSubscriptions = 25;
		}
		if (replayDelay == null || replayDelay.isNegative()) {
			replayDelay = Duration.ofMillis(250);
		}
	}

	Allowance allowance(RateLimitTier tier) {
		return this.tiers.get(tier);
	}

	/** The longest any bucket takes to fill up from empty. */
	Duration longestRefill() {
		long seconds = this.tiers.values()
			.stream()
			.mapToLong((allowance) -> Math.ceilDiv(allowance.capacity(), allowance.restorePerSecond()))
			.max()
			.orElse(1);
		return Duration.ofSeconds(seconds);
	}

	/** Where buckets live. */
	public enum Backend {

		/** In this process: exact and fast, but each replica counts on its own. */
		LOCAL,

		/** In {@code public.rate_limit_bucket}: one bucket per tenant across replicas. */
		POSTGRESQL

	}

}
