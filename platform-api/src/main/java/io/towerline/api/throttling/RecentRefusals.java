package io.towerline.api.throttling;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.towerline.core.tenancy.catalog.TenantTierChanged;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;

/**
 * The requests just throttled, so that the same request sent again before its bucket can
 * hold it is refused at once: over HTTP before its token is verified or its body parsed
 * ({@link ThrottledReplayFilter}, keyed by the exact token and body), over graphql-ws
 * before its document is looked at (keyed by caller, document and variables). A throttled
 * client typically repeats one request in a loop; answering it from here costs a map
 * lookup instead of a request. The refusal is certain, never a guess: the bucket holds at
 * most what it held at the refusal plus what it regained since (other requests and other
 * replicas only take more), and the same request has the same price.
 */
final class RecentRefusals {

	private final Cache<Object, Refused> refused;

	RecentRefusals(Duration longestRefill) {
		this.refused = Caffeine.newBuilder().expireAfterWrite(longestRefill).maximumSize(10_000).build();
	}

	/**
	 * Remembers that the request under {@code key}, of {@code tenant}, was throttled with
	 * {@code charge}.
	 */
	void remember(Object key, String tenant, Charge charge) {
		this.refused.put(key, new Refused(tenant, charge.requested(), charge.remaining(), charge.limit(),
				charge.restoreRate(), System.nanoTime()));
	}

	/**
	 * A new tier means a new bucket: what was remembered of the old one no longer holds.
	 */
	@EventListener
	void on(TenantTierChanged event) {
		this.refused.asMap().values().removeIf((refused) -> refused.tenant().equals(event.tenant().slug()));
	}

	/**
	 * The refusal for this request if it cannot fit in the caller's bucket yet, else
	 * null.
	 */
	@Nullable Charge refusal(Object key) {
		Refused last = this.refused.getIfPresent(key);
		if (last == null) {
			return null;
		}
		double regained = (System.nanoTime() - last.atNanos()) / 1e9 * last.restoreRate();
		double available = Math.min(last.limit(), last.remaining() + regained);
		if (available >= last.price()) {
			this.refused.invalidate(key);
			return null;
		}
		long retryAfter = Math.max(1, (long) Math.ceil((last.price() - available) / last.restoreRate()));
		return new Charge(last.price(), 0, (long) available, last.limit(), last.restoreRate(), retryAfter);
	}

	private record Refused(String tenant, long price, long remaining, long limit, long restoreRate, long atNanos) {

	}

}
