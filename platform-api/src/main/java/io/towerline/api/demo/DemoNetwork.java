package io.towerline.api.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.towerline.api.identity.IdentityProperties;
import io.towerline.core.actor.Actor;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.operation.OperationRequest;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.pop.PointsOfPresence;
import io.towerline.core.pop.Pop;
import io.towerline.core.pop.PopDetails;
import io.towerline.core.router.Router;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.BulkSubscribers;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberProfile;
import io.towerline.core.subscriber.SubscriberRecords;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.tenancy.catalog.TenantStatus;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets up the demo tenant once the application is ready, in the background, through
 * tenant-core's services as a user would: the tenant, a POP, two plans, two simulated
 * routers (marked simulated) and their subscribers. Every step looks first, so a restart
 * on the same data directory adds nothing: it points the routers at this start's
 * simulators and has the platform put its subscribers back on them (the simulators keep
 * nothing). Then a share of the subscribers dials in at once, so the first sign-in shows
 * a living network; the simulators' churn and daily traffic keep it moving.
 */
@Component
@ConditionalOnBooleanProperty(name = "towerline.demo.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "towerline.mode", havingValue = "embedded", matchIfMissing = true)
class DemoNetwork implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);

	private static final Actor DEMO = Actor.system("demo");

	private static final String POP = "Demo Hilltop";

	private static final List<String> PLANS = List.of("Demo Home 20", "Demo Home 50");

	private final DemoProperties properties;

	private final TenantOnboarding onboarding;

	private final PointsOfPresence pops;

	private final Plans plans;

	private final Routers routers;

	private final BulkSubscribers bulk;

	private final SubscriberRecords subscribers;

	private final RouterOperations operations;

	private final TransactionTemplate transactions;

	private final @Nullable DemoSignIn signIn;

	private volatile CompletableFuture<List<UUID>> ready = new CompletableFuture<>();

	private volatile @Nullable DemoRouters simulators;

	private final DemoDialIn dialIn = new DemoDialIn();

	DemoNetwork(DemoProperties properties, TenantOnboarding onboarding, PointsOfPresence pops, Plans plans,
			Routers routers, BulkSubscribers bulk, SubscriberRecords subscribers, RouterOperations operations,
			TransactionTemplate transactions, UserDirectory users, IdentityProperties identity) {
		this.transactions = transactions;
		// the tenant admin to sign in with exists only where this platform signs people
		// in
		this.signIn = identity.enabled()
				? new DemoSignIn(users, properties.adminUsername(), identity.issuer() + "/", System.out) : null;
		this.properties = properties;
		this.onboarding = onboarding;
		this.pops = pops;
		this.plans = plans;
		this.routers = routers;
		this.bulk = bulk;
		this.subscribers = subscribers;
		this.operations = operations;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		CompletableFuture<List<UUID>> starting = new CompletableFuture<>();
		this.ready = starting;
		Thread.ofVirtual().name("demo-network").start(() -> setUp(starting));
	}

	/**
	 * Completes with the demo routers' ids once they are set up (for tests; a new one at
	 * each start).
	 */
	CompletableFuture<List<UUID>> ready() {
		return this.ready;
	}

	@Nullable DemoRouters simulators() {
		return this.simulators;
	}

	private void setUp(CompletableFuture<List<UUID>> ready) {
		try {
			TenantStatus status = this.onboarding
				.onboard(this.properties.tenant(), this.properties.displayName(), RateLimitTier.STANDARD)
				.tenant()
				.status();
			if (status != TenantStatus.ACTIVE) {
				log.warn("Demo tenant {} is {}; the demo network is not started", this.properties.tenant(), status);
				ready.completeExceptionally(new IllegalStateException("demo tenant " + status));
				return;
			}
			if (this.signIn != null) {
				this.signIn.ensure(TenantId.of(this.properties.tenant()));
			}
			DemoRouters started = DemoRouters.start(this.properties);
			this.simulators = started;
			TenantId tenant = TenantId.of(this.properties.tenant());
			List<UUID> routerIds = TenantContext.callAs(tenant, () -> provision(started));
			ready.complete(routerIds);
			log.info("Demo tenant '{}' is up: {} simulated routers on ports {}", this.properties.tenant(),
					routerIds.size(), started.simulators().stream().map(RouterOsSimulator::port).toList());
			TenantContext.runAs(tenant, () -> dialIn(started, routerIds));
		}
		catch (RuntimeException ex) {
			log.warn("The demo network could not be set up: {}", ex.toString());
			ready.completeExceptionally(ex);
		}
	}

	private List<UUID> provision(DemoRouters started) {
		UUID popId = pop();
		List<UUID> planIds = plans();
		List<UUID> routerIds = new ArrayList<>();
		for (int i = 0; i < DemoRouters.NAMES.size(); i++) {
			UUID routerId = router(DemoRouters.NAMES.get(i), started.simulators().get(i).port(), popId);
			routerIds.add(routerId);
			List<Subscriber> existing = this.subscribers.onRouter(routerId);
			if (existing.isEmpty()) {
				this.bulk.create(drafts(i, routerId, planIds), DEMO);
			}
			else {
				// a fresh simulator: the platform puts its subscribers back, as after a
				// router was reset
				this.transactions.executeWithoutResult((tx) -> this.operations.enqueue(OperationRequest
					.syncSubscribers(routerId, existing.stream().map(Subscriber::id).toList(), DEMO)));
			}
		}
		return routerIds;
	}

	private UUID pop() {
		return this.pops.list(ScrollPosition.keyset(), 100)
			.stream()
			.filter((pop) -> pop.name().equals(POP))
			.map(Pop::id)
			.findFirst()
			.orElseGet(() -> this.pops
				.create(PopDetails.of(POP, "Ridge Road 1 (simulated)", new BigDecimal("47.3769"),
						new BigDecimal("8.5417"), "The demo's point of presence; its routers are simulators"))
				.id());
	}

	private List<UUID> plans() {
		Map<String, UUID> known = this.plans.idsByName();
		List<UUID> ids = new ArrayList<>();
		long[] downloads = { 20_000_000, 50_000_000 };
		for (int i = 0; i < PLANS.size(); i++) {
			UUID id = known.get(PLANS.get(i).toLowerCase(Locale.ROOT));
			if (id == null) {
				id = this.plans
					.create(PlanDetails.of(PLANS.get(i), null, new RateLimit(downloads[i] / 4, downloads[i], null),
							null))
					.id();
			}
			ids.add(id);
		}
		return ids;
	}

	private UUID router(String name, int port, UUID popId) {
		RouterDetails details = RouterDetails.of(name, "127.0.0.1", port, false, null, popId, DemoRouters.USERNAME);
		UUID id = this.routers.idsByName().get(name.toLowerCase(Locale.ROOT));
		Router router;
		if (id == null) {
			router = this.routers.create(details, DemoRouters.PASSWORD, true, DEMO);
		}
		else {
			Router current = this.routers.get(id);
			router = (current.port() != port) ? this.routers.update(id, details, null, true, DEMO) : current;
		}
		return this.routers.markSimulated(router.id(), true).id();
	}

	private List<SubscriberDraft> drafts(int router, UUID routerId, List<UUID> planIds) {
		List<SubscriberDraft> drafts = new ArrayList<>();
		for (int n = 1; n <= this.properties.subscribersPerRouter(); n++) {
			String username = String.format(Locale.ROOT, "demo%d-%04d", router + 1, n);
			drafts.add(new SubscriberDraft(username, "demo-" + username, planIds.get(n % planIds.size()), routerId,
					null, SubscriberProfile.of("Demo subscriber " + (router + 1) + "-" + n, null, null,
							"Simulated street " + n, null, "Created by the embedded demo")));
		}
		return drafts;
	}

	/**
	 * Brings the configured share online as soon as the platform has put the subscribers
	 * on the simulators (the simulators' churn then keeps that share).
	 */
	private void dialIn(DemoRouters started, List<UUID> routerIds) {
		List<List<String>> names = new ArrayList<>();
		for (UUID routerId : routerIds) {
			names.add(this.subscribers.onRouter(routerId).stream().map(Subscriber::username).toList());
		}
		this.dialIn.start(started.simulators(), names, this.properties.onlineShare(), () -> this.simulators == started);
	}

	@Override
	public void destroy() {
		this.dialIn.close();
		DemoRouters running = this.simulators;
		this.simulators = null;
		if (running != null) {
			running.close();
		}
	}

}
