package io.towerline.core.session;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.towerline.core.actor.Actor;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.core.usage.UsageRecorder;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds session trackings as separate "replicas" in one JVM (the application's own is
 * off in tests), with short intervals and timers that never fire by themselves unless
 * asked, and records the tenant events they publish.
 */
final class TrackingFixture {

	private final StreamLeases leases;

	private final TenantCatalog catalog;

	private final JdbcClient jdbc;

	private final SessionStore store;

	private final UsageRecorder usage;

	private final Routers routers;

	private final RouterAccess access;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TenantOnboarding onboarding;

	private final OnlineSessions online;

	private final SessionChangeFeed changes;

	final List<TenantEvent> published = new CopyOnWriteArrayList<>();

	TrackingFixture(ConfigurableApplicationContext context) {
		this.leases = context.getBean(StreamLeases.class);
		this.catalog = context.getBean(TenantCatalog.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.store = context.getBean(SessionStore.class);
		this.usage = context.getBean(UsageRecorder.class);
		this.routers = context.getBean(Routers.class);
		this.access = context.getBean(RouterAccess.class);
		this.transactions = context.getBean(TransactionTemplate.class);
		this.events = context;
		this.clock = context.getBean(Clock.class);
		this.onboarding = context.getBean(TenantOnboarding.class);
		this.online = context.getBean(OnlineSessions.class);
		this.changes = context.getBean(SessionChangeFeed.class);
		context.addApplicationListener((event) -> {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof TenantEvent tenantEvent) {
				this.published.add(tenantEvent);
			}
		});
	}

	/**
	 * A replica whose re-read and sample timers are an hour apart (tests trigger them),
	 * leases of 2 s renewed every 300 ms, reconnecting after 200 ms.
	 */
	SessionTracking replica(String id) {
		return replica(id, null, null, null, this.transactions);
	}

	/**
	 * A replica as above with its own budgets of routine transactions and connects and
	 * its own start pace, whose trackers run their transactions through
	 * {@code transactions}.
	 */
	SessionTracking replica(String id, @Nullable Integer trackerConnections, @Nullable Integer trackerConnects,
			@Nullable Integer startsPerSecond, TransactionTemplate transactions) {
		SessionProperties properties = new SessionProperties(true, Duration.ofHours(1), Duration.ofHours(1),
				Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(200), id, trackerConnections,
				trackerConnects, startsPerSecond);
		return new SessionTracking(properties, this.leases, this.catalog, this.jdbc, this.store, this.usage,
				this.routers, this.access, transactions, this.events, this.changes, this.clock);
	}

	/** Tracker transactions of a replica counted from outside and held until released. */
	HeldTrackerTransactions heldTransactions() {
		return new HeldTrackerTransactions(Objects.requireNonNull(this.transactions.getTransactionManager()));
	}

	TenantId tenant(String prefix) {
		TenantId tenant = TenantId.of(TestDatabase.uniqueSlug(prefix));
		this.onboarding.onboard(tenant.slug(), prefix, RateLimitTier.STARTER);
		return tenant;
	}

	UUID router(TenantId tenant, RouterOsSimulator simulator) {
		return TenantContext
			.callAs(tenant,
					() -> this.transactions.execute((tx) -> this.routers
						.create(RouterDetails.of("r-" + simulator.port(), "127.0.0.1", simulator.port(), false, null,
								null, "api"), "router-pass", false, Actor.system("test"))
						.id()));
	}

	/** User names the platform shows online on the router. */
	Set<String> onlineNames(TenantId tenant, UUID routerId) {
		return TenantContext.callAs(tenant, () -> this.online.ofRouter(routerId))
			.stream()
			.map(OnlineSession::username)
			.collect(Collectors.toSet());
	}

	List<TenantEvent> events(TenantId tenant, String type) {
		return this.published.stream()
			.filter((event) -> event.tenant().equals(tenant) && event.type().equals(type))
			.toList();
	}

}
