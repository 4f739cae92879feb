package io.towerline.core.session;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The routers of each tenant for a lease round, and the streaks of tenants whose routers
 * cannot be listed: a failing tenant keeps the routers tracked for it, so its trackers
 * keep running and their leases are renewed while every other tenant's round goes on (ADR
 * 0189). Each streak is logged once, when it starts and when it ends.
 */
final class TenantRouterListing {

	/** Under the tracking's name, where operators already look for the lease rounds. */
	private static final Logger log = LoggerFactory.getLogger(SessionTracking.class);

	private final JdbcClient jdbc;

	/** Tenants whose routers could not be listed at the last try. */
	private final Set<TenantId> failing = ConcurrentHashMap.newKeySet();

	TenantRouterListing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The tenant's routers; when they cannot be listed (its schema or cluster is
	 * failing), the ones among {@code tracked} ({@code <tenant>/<router id>} keys).
	 */
	List<UUID> of(TenantId tenant, Collection<String> tracked) {
		try {
			// bound, so the read goes to the tenant's cluster (ADR 0173)
			List<UUID> ids = TenantContext.callAs(tenant,
					() -> this.jdbc.sql("SELECT id FROM " + tenant.schemaName() + ".router").query(UUID.class).list());
			if (this.failing.remove(tenant)) {
				log.info("Listing the routers of tenant {} works again", tenant.slug());
			}
			return ids;
		}
		catch (RuntimeException ex) {
			if (this.failing.add(tenant)) {
				log.warn("Listing the routers of tenant {} failed ({}); its tracked routers stay as they are until it "
						+ "works again", tenant.slug(), ex.toString());
			}
			String prefix = tenant.slug() + "/";
			return tracked.stream()
				.filter((key) -> key.startsWith(prefix))
				.map((key) -> UUID.fromString(key.substring(prefix.length())))
				.toList();
		}
	}

	/** Forgets the streaks of tenants no longer active. */
	void retain(Collection<TenantId> active) {
		this.failing.retainAll(active);
	}

	/** Tenants whose routers could not be listed at the last try. */
	Set<TenantId> failing() {
		return Set.copyOf(this.failing);
	}

}
