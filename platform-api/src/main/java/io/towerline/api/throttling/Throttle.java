package io.towerline.api.throttling;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Charges operations to buckets. Every caller pays into its tenant's bucket (the platform
 * realm has its own); a caller acting as an OAuth client also pays into that client's
 * bucket, a share of the tenant's. An operation runs only if both buckets hold its price;
 * a bucket is keyed by its tenant (and client), so one tenant's traffic never touches
 * another's bucket.
 */
class Throttle {

	private static final int MAX_CLIENT_ID_IN_KEY = 100;

	private final BucketStore store;

	private final TenantTiers tiers;

	private final ThrottlingProperties properties;

	Throttle(BucketStore store, TenantTiers tiers, ThrottlingProperties properties) {
		this.store = store;
		this.tiers = tiers;
		this.properties = properties;
	}

	/**
	 * The most one operation of {@code caller} can ever be charged: its tighter bucket's
	 * size.
	 */
	long largestCharge(Caller caller) {
		Allowance tenant = tenantAllowance(caller);
		return (caller.client() != null) ? tenant.share(this.properties.clientShare()).capacity() : tenant.capacity();
	}

	/**
	 * Takes {@code cost} points from the caller's buckets, or nothing if either lacks
	 * them.
	 */
	Charge charge(Caller caller, long cost) {
		Allowance tenantAllowance = tenantAllowance(caller);
		Bucket tenant = this.store.bucket(tenantKey(caller, tenantAllowance), tenantAllowance);
		ConsumptionProbe tenantProbe = tenant.tryConsumeAndReturnRemaining(cost);
		if (!tenantProbe.isConsumed()) {
			return throttled(cost, tenantProbe, tenantAllowance);
		}
		String client = caller.client();
		if (client == null) {
			return charged(cost, tenantProbe, tenantAllowance);
		}
		Allowance clientAllowance = tenantAllowance.share(this.properties.clientShare());
		ConsumptionProbe clientProbe = this.store.bucket(clientKey(caller, client, clientAllowance), clientAllowance)
			.tryConsumeAndReturnRemaining(cost);
		if (!clientProbe.isConsumed()) {
			tenant.addTokens(cost);
			return throttled(cost, clientProbe, clientAllowance);
		}
		return (clientProbe.getRemainingTokens() < tenantProbe.getRemainingTokens())
				? charged(cost, clientProbe, clientAllowance) : charged(cost, tenantProbe, tenantAllowance);
	}

	/**
	 * Takes the one-point minimum for an operation refused before it could be priced or
	 * run (invalid, over a limit), so floods of refused documents still drain the
	 * tenant's bucket. Never throttles: the refusal stands on its own.
	 */
	Charge chargeRefused(Caller caller, long requested) {
		Allowance allowance = tenantAllowance(caller);
		ConsumptionProbe probe = this.store.bucket(tenantKey(caller, allowance), allowance)
			.tryConsumeAndReturnRemaining(1);
		return new Charge(requested, probe.isConsumed() ? 1 : 0, probe.getRemainingTokens(), allowance.capacity(),
				allowance.restorePerSecond(), 0);
	}

	private Allowance tenantAllowance(Caller caller) {
		return this.properties.allowance(this.tiers.tierOf(caller));
	}

	private static Charge charged(long cost, ConsumptionProbe probe, Allowance allowance) {
		return new Charge(cost, cost, probe.getRemainingTokens(), allowance.capacity(), allowance.restorePerSecond(),
				0);
	}

	private static Charge throttled(long cost, ConsumptionProbe probe, Allowance allowance) {
		long retryAfter = Math.max(1, Math.ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L));
		return new Charge(cost, 0, probe.getRemainingTokens(), allowance.capacity(), allowance.restorePerSecond(),
				retryAfter);
	}

	static String tenantKey(Caller caller, Allowance allowance) {
		return (caller.platform() ? "r:" : "t:") + caller.tenant() + ":" + allowance.fingerprint();
	}

	static String clientKey(Caller caller, String client, Allowance allowance) {
		return "c:" + caller.tenant() + ":" + keySafe(client) + ":" + allowance.fingerprint();
	}

	/**
	 * Client ids come from foreign issuers: long ones are hashed to keep keys bounded.
	 */
	private static String keySafe(String client) {
		return (client.length() <= MAX_CLIENT_ID_IN_KEY) ? client
				: "h-" + UUID.nameUUIDFromBytes(client.getBytes(StandardCharsets.UTF_8));
	}

}
