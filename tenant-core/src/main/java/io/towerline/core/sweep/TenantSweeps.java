package io.towerline.core.sweep;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs a sweep's round for every active tenant, each with the tenant bound (ADR 0193). A
 * tenant inside a move's read-only window ({@code TENANT_MOVING}, ADR 0174) is skipped
 * for the round: its writes would be refused, and the next round after the window does
 * the work. A round the window refuses anyway (the window opened after the check) counts
 * as skipped too; only other failures are warned about, and never stop the other tenants'
 * rounds. A failure is warned about once per streak, in one line (code and message; the
 * stack trace only at debug): a tenant that fails every round (its schema gone, its
 * cluster away) would otherwise repeat the same warning every round of every sweep. The
 * next round that works ends the streak with one line. A streak is forgotten when its
 * tenant is no longer active, or when its part has not failed for {@link #FORGET_AFTER}
 * (a deleted router's check never reports again): the record of who is failing must not
 * grow for as long as the platform runs.
 */
@Component
public class TenantSweeps {

	private static final Logger log = LoggerFactory.getLogger(TenantSweeps.class);

	private final TenantCatalog catalog;

	private final TenantClusters clusters;

	/**
	 * Longest time a failing part may stay silent and still be remembered; every sweep
	 * runs far more often, so a part still failing refreshes its streak long before.
	 */
	static final Duration FORGET_AFTER = Duration.ofHours(6);

	/**
	 * "what / tenant" of the parts failing now, with their last failure: warned about
	 * once until they work.
	 */
	private final Map<String, Streak> failing = new ConcurrentHashMap<>();

	private final Clock clock;

	TenantSweeps(TenantCatalog catalog, TenantClusters clusters, Clock clock) {
		this.catalog = catalog;
		this.clusters = clusters;
		this.clock = clock;
	}

	/**
	 * Runs {@code round} for each active tenant not in a move window, the tenant bound.
	 * @param sweep what the sweep is called in the log ("Lifecycle evaluation")
	 */
	public void forEachTenant(String sweep, Consumer<TenantId> round) {
		collectPerTenant(sweep, (tenant) -> {
			round.accept(tenant);
			return Boolean.TRUE;
		});
	}

	/**
	 * Runs {@code round} for each active tenant not in a move window, the tenant bound.
	 * @param sweep what the sweep is called in the log
	 * @return the results of the rounds that ran to the end, in the catalog's order
	 */
	public <T> List<T> collectPerTenant(String sweep, Function<TenantId, ? extends T> round) {
		List<T> results = new ArrayList<>();
		List<TenantId> tenants = this.catalog.activeTenants();
		forgetStreaks(new HashSet<>(tenants), this.clock.instant());
		for (TenantId tenant : tenants) {
			try {
				if (moving(tenant)) {
					skipped(sweep, tenant);
					continue;
				}
				results.add(TenantContext.callAs(tenant, () -> round.apply(tenant)));
				log.trace("{} of tenant {} ran", sweep, tenant);
				worked(sweep, tenant);
			}
			catch (RuntimeException ex) {
				failed(sweep, tenant, ex);
			}
		}
		return results;
	}

	/**
	 * Reports a failed part of a tenant's round that ran apart from it (one router's
	 * check on a worker): quietly when the move window refused it, otherwise one warning
	 * line when its failure streak begins and debug lines (with the stack trace) while it
	 * lasts.
	 * @param what what failed ("Health check of router 42")
	 */
	public void failed(String what, TenantId tenant, RuntimeException failure) {
		if (TenantClusters.refusedByMoveWindow(failure)) {
			// the window opened after the round's check: as quiet as a skip, told apart
			log.debug("{} of tenant {} stopped: the tenant's move window opened", what, tenant);
		}
		else if (this.failing.put(streak(what, tenant), new Streak(tenant, this.clock.instant())) == null) {
			log.warn("{} of tenant {} failed ({}); not warned about again until it works", what, tenant,
					FailureLine.of(failure));
			log.debug("{} of tenant {} failed", what, tenant, failure);
		}
		else {
			log.debug("{} of tenant {} failed again", what, tenant, failure);
		}
	}

	/**
	 * Reports that a part of a tenant's round that ran apart from it worked, ending its
	 * failure streak if it had one.
	 * @param what what worked, named as when it failed
	 */
	public void worked(String what, TenantId tenant) {
		if (this.failing.remove(streak(what, tenant)) != null) {
			log.info("{} of tenant {} works again", what, tenant);
		}
	}

	/**
	 * Drops the streaks of tenants no longer active and of parts that have not failed for
	 * {@link #FORGET_AFTER}.
	 */
	void forgetStreaks(Set<TenantId> active, Instant now) {
		Instant horizon = now.minus(FORGET_AFTER);
		this.failing.values()
			.removeIf((streak) -> !active.contains(streak.tenant()) || streak.lastFailure().isBefore(horizon));
	}

	/** Whether a part's failure streak is remembered, for tests. */
	boolean remembers(String what, TenantId tenant) {
		return this.failing.containsKey(streak(what, tenant));
	}

	private record Streak(TenantId tenant, Instant lastFailure) {

	}

	private static String streak(String what, TenantId tenant) {
		return what + " / " + tenant.slug();
	}

	private boolean moving(TenantId tenant) {
		return this.clusters.placementOf(tenant).moving();
	}

	private static void skipped(String sweep, TenantId tenant) {
		// a window lasts a few rounds of most sweeps: a line per round would only be
		// noise
		log.debug("{} of tenant {} skipped: the tenant is moving", sweep, tenant);
	}

}
