package io.towerline.mikrotik.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many streaming commands ({@code listen}, {@code monitor-traffic}) are live on the
 * router, per command path. A stream counts from the moment it will see every change
 * (after {@code listen} subscribed, after the first {@code monitor-traffic} sample) until
 * it ends, so a test can wait for it instead of racing it.
 */
final class LiveStreams {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	void opened(String path) {
		this.counts.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
	}

	void closed(String path) {
		AtomicInteger count = this.counts.get(path);
		if (count != null) {
			count.decrementAndGet();
		}
	}

	int count(String path) {
		AtomicInteger count = this.counts.get(path);
		return (count != null) ? count.get() : 0;
	}

}
