package io.towerline.api.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * The last request each caller was throttled on, so that the same request sent again
 * before its bucket can hold it is refused before its document is even looked at. A
 * throttled client typically repeats one request in a loop; answering it from here costs
 * a map lookup instead of an execution. The refusal is certain, never a guess: the bucket
 * holds at most what it held at the refusal plus what it regained since (other requests
 * and other replicas only take more).
 */
final class RecentRefusals {

	private final Cache<Caller, Refused> refused;

	RecentRefusals(Duration longestRefill) {
		this.refused = Caffeine.newBuilder().expireAfterWrite(longestRefill).maximumSize(100_000).build();
	}

	void remember(Caller caller, String document, Map<String, Object> variables, Charge charge) {
		this.refused.put(caller, new Refused(document, variables, charge.requested(), charge.remaining(),
				charge.limit(), charge.restoreRate(), System.nanoTime()));
	}

	void forget(Caller caller) {
		this.refused.invalidate(caller);
	}

	/**
	 * The refusal for this request if it cannot fit in the caller's bucket yet, else
	 * null.
	 */
	@Nullable Charge refusal(Caller caller, String document, Map<String, Object> variables) {
		Refused last = this.refused.getIfPresent(caller);
		if (last == null || !last.document().equals(document) || !Objects.equals(last.variables(), variables)) {
			return null;
		}
		double regained = (System.nanoTime() - last.atNanos()) / 1e9 * last.restoreRate();
		double available = Math.min(last.limit(), last.remaining() + regained);
		if (available >= last.price()) {
			return null;
		}
		long retryAfter = Math.max(1, (long) Math.ceil((last.price() - available) / last.restoreRate()));
		return new Charge(last.price(), 0, (long) available, last.limit(), last.restoreRate(), retryAfter);
	}

	private record Refused(String document, Map<String, Object> variables, long price, long remaining, long limit,
			long restoreRate, long atNanos) {

	}

}
