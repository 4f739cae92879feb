package io.towerline.core.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.core.usage.UsageRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the session trackers of the routers this replica holds the stream lease of. Every
 * renew interval it lists the routers of all active tenants (one query per tenant),
 * renews its leases and takes free ones up to its fair share (ADR 0165), starts trackers
 * for routers it newly holds and stops those it lost. One scheduler thread serves every
 * timer; the work runs on virtual threads; the adapter multiplexes the routers'
 * connections. Nothing costs a thread per router.
 */
@Component
public class SessionTracking implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SessionTracking.class);

	/** Rebuilt with fresh executors when a stopped tracking starts again. */
	private volatile TrackerServices services;

	private final StreamLeases leases;

	private final TenantCatalog catalog;

	private final String owner;

	private final Map<String, TrackedRouter> tracked = new ConcurrentHashMap<>();

	private volatile boolean running;

	private final AtomicInteger rounds = new AtomicInteger();

	private final TenantRouterListing routersOfTenants;

	private final FairShareLeases shares;

	/** When the next tracker may start (nanoTime), so starts keep their pace. */
	private long nextStart = System.nanoTime();

	SessionTracking(SessionProperties properties, StreamLeases leases, TenantCatalog catalog, JdbcClient jdbc,
			SessionStore store, UsageRecorder usage, Routers routers, RouterAccess access,
			TransactionTemplate transactions, ApplicationEventPublisher events, SessionChangeFeed changes,
			Clock clock) {
		this.leases = leases;
		this.catalog = catalog;
		this.routersOfTenants = new TenantRouterListing(jdbc);
		this.owner = (properties.replicaId() != null) ? properties.replicaId() : defaultReplicaId();
		TrackerTransactions bounded = new TrackerTransactions(transactions, properties.trackerConnections(),
				properties.trackerConnects());
		this.services = TrackerServices.of(properties, store, usage,
				(routerId) -> access.client(Objects.requireNonNull(bounded.execute((tx) -> routers.get(routerId)))),
				bounded, events, changes, clock);
		this.shares = new FairShareLeases(leases, this.owner);
	}

	/** This replica's name in the lease table. */
	public String replicaId() {
		return this.owner;
	}

	@Override
	public void start() {
		if (!this.services.properties().isEnabled()) {
			return;
		}
		if (this.services.scheduler().isShutdown()) {
			// started again after a stop: Spring restarts a paused context (tests) this
			// way
			this.services = this.services.restarted();
		}
		this.running = true;
		long renew = this.services.properties().leaseRenewInterval().toMillis();
		this.services.scheduler().scheduleWithFixedDelay(this::renew, 0, renew, TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops every tracker and gives the leases back, so another replica takes over at
	 * once.
	 */
	@Override
	public void stop() {
		if (!this.running) {
			return;
		}
		halt();
		try {
			this.leases.release(this.tracked.keySet(), this.owner);
		}
		catch (RuntimeException ex) {
			log.warn("Giving back stream leases failed ({}); they expire on their own", ex.toString());
		}
		try {
			this.leases.withdraw(this.owner);
		}
		catch (RuntimeException ex) {
			log.debug("Withdrawing replica {} failed ({}); its announcement expires", this.owner, ex.toString());
		}
		this.tracked.clear();
	}

	/** Stops everything without giving leases back: as if this replica died. */
	void halt() {
		this.running = false;
		this.services.scheduler().shutdownNow();
		this.tracked.values().forEach(TrackedRouter::stop);
		this.services.workers().shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After the scheduler and the web server: trackers start last and stop first. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2000;
	}

	/** One lease round: renew, take, start, stop. */
	void renew() {
		if (!this.running) {
			return;
		}
		try {
			Map<String, Key> wanted = new HashMap<>();
			List<TenantId> active = this.catalog.activeTenants();
			for (TenantId tenant : active) {
				this.routersOfTenants.of(tenant, this.tracked.keySet())
					.forEach((id) -> wanted.put(key(tenant, id), new Key(tenant, id)));
			}
			this.routersOfTenants.retain(active);
			Set<String> held = this.shares.hold(wanted.keySet(), this.tracked.keySet(),
					this.services.properties().leaseTtl(), this::stopTracking);
			List<String> gone = new ArrayList<>();
			this.tracked.forEach((key, router) -> {
				if (!held.contains(key)) {
					gone.add(key);
				}
			});
			gone.forEach(this::stopTracking);
			List<String> deleted = gone.stream().filter((key) -> !wanted.containsKey(key)).toList();
			if (!deleted.isEmpty()) {
				this.leases.release(deleted, this.owner);
				deleted.forEach(this::forgetDeletedRouter);
			}
			long spacing = TimeUnit.SECONDS.toNanos(1) / this.services.properties().startsPerSecond();
			for (String key : held) {
				Key target = wanted.get(key);
				if (target != null && !this.tracked.containsKey(key) && this.running) {
					TrackedRouter router = new TrackedRouter(target.tenant(), target.routerId(), this.services);
					this.tracked.put(key, router);
					router.start(startDelay(spacing));
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Renewing stream leases failed ({}); next round in one interval", ex.toString());
		}
		this.rounds.incrementAndGet();
	}

	/** Tenants whose routers could not be listed in the last round (tests read it). */
	Set<TenantId> failingTenants() {
		return this.routersOfTenants.failing();
	}

	private void stopTracking(String key) {
		TrackedRouter router = this.tracked.remove(key);
		if (router != null) {
			router.stop();
		}
	}

	/**
	 * Streams this replica took from a replica whose lease had expired (it died or
	 * stalled).
	 */
	public long leaseTakeovers() {
		return this.shares.takeovers();
	}

	/** Streams this replica held and found taken by another after its lease lapsed. */
	public long leaseLosses() {
		return this.shares.losses();
	}

	/**
	 * How long the next tracker waits to start: trackers start {@code spacing} apart, so
	 * a thousand routers taken at once connect over seconds, not in one instant.
	 */
	private long startDelay(long spacing) {
		long now = System.nanoTime();
		long at = Math.max(now, this.nextStart);
		this.nextStart = at + spacing;
		return at - now;
	}

	/** The most tracker transactions open at once so far (tests check the budget). */
	int transactionsHighWater() {
		return this.services.transactions().highWater();
	}

	/** Lease rounds done so far (tests wait for rounds, not for time). */
	int rounds() {
		return this.rounds.get();
	}

	/**
	 * A router deleted while tracked here takes its online sessions with it (they would
	 * count for ever otherwise); its tenant may be gone too, then so are they.
	 */
	private void forgetDeletedRouter(String key) {
		int slash = key.lastIndexOf('/');
		TenantId tenant = TenantId.of(key.substring(0, slash));
		UUID routerId = UUID.fromString(key.substring(slash + 1));
		try {
			TenantContext.runAs(tenant, () -> this.services.transactions()
				.executeWithoutResult((tx) -> this.services.store().removeRouter(routerId)));
		}
		catch (RuntimeException ex) {
			log.debug("Removing the sessions of deleted router {} failed: {}", key, ex.toString());
		}
	}

	/** The routers this replica tracks now, as {@code <tenant>/<router id>}. */
	public Set<String> trackedRouters() {
		return Set.copyOf(this.tracked.keySet());
	}

	/** Samples one tracked router's counters now (returns at once; runs on its queue). */
	public boolean sampleNow(TenantId tenant, UUID routerId) {
		TrackedRouter router = this.tracked.get(key(tenant, routerId));
		if (router == null) {
			return false;
		}
		router.submit(router::sampleNow);
		return true;
	}

	/**
	 * Re-reads one tracked router's sessions now (returns at once; runs on its queue).
	 */
	public boolean rereadNow(TenantId tenant, UUID routerId) {
		TrackedRouter router = this.tracked.get(key(tenant, routerId));
		if (router == null) {
			return false;
		}
		router.submit(router::rereadNow);
		return true;
	}

	static String key(TenantId tenant, UUID routerId) {
		return tenant.slug() + "/" + routerId;
	}

	private static String defaultReplicaId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "replica";
		}
		return host + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private record Key(TenantId tenant, UUID routerId) {

	}

}
