package io.towerline.api.throttling;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open graphql-ws subscriptions per tenant in this replica, capped: each one holds a
 * socket, a stream and a place in the shared operation poll for as long as it lives.
 */
final class TenantSubscriptions {

	private final int max;

	private final ConcurrentMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

	TenantSubscriptions(int max) {
		this.max = max;
	}

	/** Whether the tenant may open one more; if so, {@link #close} must follow. */
	boolean tryOpen(String tenant) {
		AtomicInteger count = this.open.computeIfAbsent(tenant, (key) -> new AtomicInteger());
		if (count.incrementAndGet() > this.max) {
			count.decrementAndGet();
			return false;
		}
		return true;
	}

	void close(String tenant) {
		this.open.computeIfPresent(tenant, (key, count) -> (count.decrementAndGet() <= 0) ? null : count);
	}

	int open(String tenant) {
		AtomicInteger count = this.open.get(tenant);
		return (count != null) ? count.get() : 0;
	}

	int max() {
		return this.max;
	}

}
