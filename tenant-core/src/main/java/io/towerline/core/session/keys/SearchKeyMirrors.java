package io.towerline.core.session.keys;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.towerline.core.tenancy.TenantId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The search keys in memory of the tenants this replica searched (ADR 0245). A tenant's
 * copy is read whole at its first search, brought up to date before each search after,
 * read whole again when it went five minutes without a search (removal markers are kept
 * ten), and dropped when it went {@code towerline.sessions.search-memory-idle} without
 * one.
 */
@Component
public class SearchKeyMirrors {

	/** Under the ten minutes removal markers are kept (tenant changeset 0122). */
	private static final Duration WHOLE_AFTER = Duration.ofMinutes(5);

	private final Map<String, TenantKeys> tenants = new ConcurrentHashMap<>();

	private final boolean enabled;

	private final long idleNanos;

	public SearchKeyMirrors(@Value("${towerline.sessions.search-memory:true}") boolean enabled,
			@Value("${towerline.sessions.search-memory-idle:10m}") Duration idle) {
		this.enabled = enabled;
		this.idleNanos = idle.toNanos();
	}

	/** Whether searches are answered from memory on this replica. */
	public boolean enabled() {
		return this.enabled;
	}

	/**
	 * The page and count of {@code query} in {@code tenant}'s online sessions, reading
	 * its search keys through {@code jdbc} (the tenant's connection).
	 */
	public Found find(TenantId tenant, JdbcTemplate jdbc, KeyQuery query) {
		long asked = System.nanoTime();
		dropIdle(asked);
		TenantKeys keys = this.tenants.computeIfAbsent(tenant.schemaName(),
				(schema) -> new TenantKeys(schema, WHOLE_AFTER.toNanos()));
		return keys.find(jdbc, query, asked);
	}

	/** How many sessions' keys this replica holds in memory, per tenant schema. */
	public Map<String, Integer> sizes() {
		Map<String, Integer> sizes = new TreeMap<>();
		this.tenants.forEach((schema, keys) -> sizes.put(schema, keys.size()));
		return sizes;
	}

	private void dropIdle(long now) {
		this.tenants.values().removeIf((keys) -> now - keys.usedNanos() > this.idleNanos);
	}

}
