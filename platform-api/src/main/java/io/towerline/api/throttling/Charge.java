package io.towerline.api.throttling;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one operation was charged, and what is left in the caller's tighter bucket.
 *
 * @param requested what the operation costs
 * @param charged what was taken from the bucket (0 when throttled)
 * @param remaining points left afterwards
 * @param limit the bucket's capacity
 * @param restoreRate points regained per second
 * @param retryAfterSeconds when throttled, how long until the operation would fit; else 0
 */
record Charge(long requested, long charged, long remaining, long limit, long restoreRate, long retryAfterSeconds) {

	boolean throttled() {
		return this.retryAfterSeconds > 0;
	}

	/** The {@code extensions.cost} entry of the response. */
	Map<String, Object> toExtension() {
		Map<String, Object> cost = new LinkedHashMap<>();
		cost.put("requested", this.requested);
		cost.put("charged", this.charged);
		cost.put("remaining", this.remaining);
		cost.put("limit", this.limit);
		cost.put("restoreRate", this.restoreRate);
		return cost;
	}

}
