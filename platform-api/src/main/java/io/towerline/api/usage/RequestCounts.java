package io.towerline.api.usage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * GraphQL requests served per tenant (and per API client within it) by this replica since
 * it started. Cheap enough to count every request; the numbers are reported in the tenant
 * console and exported as metrics by the caller.
 */
@Component
public class RequestCounts {

	private final Map<String, LongAdder> byTenant = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> byClient = new ConcurrentHashMap<>();

	/**
	 * Counts one request of {@code tenant}, made by {@code client} when the caller is an
	 * API client.
	 */
	public void increment(String tenant, @Nullable String client) {
		this.byTenant.computeIfAbsent(tenant, (key) -> new LongAdder()).increment();
		if (client != null) {
			this.byClient.computeIfAbsent(tenant + "/" + client, (key) -> new LongAdder()).increment();
		}
	}

	public long ofTenant(String tenant) {
		LongAdder count = this.byTenant.get(tenant);
		return (count != null) ? count.sum() : 0;
	}

	public long ofClient(String tenant, String client) {
		LongAdder count = this.byClient.get(tenant + "/" + client);
		return (count != null) ? count.sum() : 0;
	}

}
