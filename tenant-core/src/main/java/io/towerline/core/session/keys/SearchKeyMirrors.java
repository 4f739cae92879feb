package io.towerline.core.session.keys;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The search keys in memory of the tenants this replica searched (ADR 0245). A tenant's
 * copy is read whole at its first search, brought up to date before each search after,
 * read whole again when it went five minutes without a search (removal markers are kept
 * ten), and dropped when it went {@code towerline.sessions.search-memory-idle} without
 * one. The copies hold {@code towerline.sessions.search-memory-max-keys} keys together at
 * most: the ones searched least recently are dropped to make room, and a tenant with more
 * keys than that is searched in the database (ADR 0246).
 */
@Component
public class SearchKeyMirrors {

	/** Under the ten minutes removal markers are kept (tenant changeset 0122). */
	private static final Duration WHOLE_AFTER = Duration.ofMinutes(5);

	private final boolean enabled;

	private final long idleNanos;

	private final KeyMemory memory;

	/**
	 * @param maxKeys the most keys the copies hold together (~415 bytes each), at least 0
	 */
	public SearchKeyMirrors(@Value("${towerline.sessions.search-memory:true}") boolean enabled,
			@Value("${towerline.sessions.search-memory-idle:10m}") Duration idle,
			@Value("${towerline.sessions.search-memory-max-keys:500000}") int maxKeys) {
		Assert.isTrue(maxKeys >= 0, "towerline.sessions.search-memory-max-keys must be 0 or more, not " + maxKeys);
		this.enabled = enabled;
		this.idleNanos = idle.toNanos();
		this.memory = new KeyMemory(WHOLE_AFTER.toNanos(), maxKeys, WHOLE_AFTER.toNanos());
	}

	/** Whether searches are answered from memory on this replica. */
	public boolean enabled() {
		return this.enabled;
	}

	/**
	 * The page and count of {@code query} in {@code tenant}'s online sessions, reading
	 * its search keys through {@code jdbc} (the tenant's connection); null when the
	 * search is to be answered by the database: the tenant's keys are more than memory
	 * may hold, or its copy was dropped while the search waited for it.
	 */
	public @Nullable Found find(TenantId tenant, JdbcTemplate jdbc, KeyQuery query) {
		long asked = System.nanoTime();
		this.memory.dropIdle(asked, this.idleNanos);
		TenantKeys keys = this.memory.tenant(tenant.schemaName(), asked);
		return (keys != null) ? keys.find(jdbc, query, asked) : null;
	}

	/** How many sessions' keys this replica holds in memory, per tenant schema. */
	public Map<String, Integer> sizes() {
		return new TreeMap<>(this.memory.sizes());
	}

	/**
	 * How many keys the copies hold together, as counted against
	 * {@code search-memory-max-keys}.
	 */
	public long held() {
		return this.memory.held();
	}

}
