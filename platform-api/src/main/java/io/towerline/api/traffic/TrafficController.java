package io.towerline.api.traffic;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.towerline.api.security.TenantGate;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberRecords;
import io.towerline.core.subscriber.Subscribers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.traffic.LiveTraffic;
import io.towerline.core.traffic.RouterThroughput;
import io.towerline.core.traffic.TopTalker;
import io.towerline.core.traffic.TopTalkers;
import io.towerline.core.traffic.TrafficEvent;
import io.towerline.core.traffic.TrafficSnapshots;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Live traffic and traffic snapshots, for every tenant role. The subscriber or router is
 * read in the caller's tenant before anything is watched, so another tenant's id is
 * NOT_FOUND and starts nothing on any router.
 */
@Controller
class TrafficController {

	private static final Executor ROUTER_READS = Executors.newVirtualThreadPerTaskExecutor();

	private final TenantGate tenants;

	private final Subscribers subscribers;

	private final SubscriberRecords records;

	private final Routers routers;

	private final TrafficStreams streams;

	private final LiveTraffic live;

	private final TrafficSnapshots snapshots;

	private final TopTalkersFeed topTalkersFeed;

	TrafficController(TenantGate tenants, Subscribers subscribers, SubscriberRecords records, Routers routers,
			TrafficStreams streams, LiveTraffic live, TrafficSnapshots snapshots, TopTalkersFeed topTalkersFeed) {
		this.topTalkersFeed = topTalkersFeed;
		this.live = live;
		this.tenants = tenants;
		this.subscribers = subscribers;
		this.records = records;
		this.routers = routers;
		this.streams = streams;
		this.snapshots = snapshots;
	}

	@SubscriptionMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Flux<TrafficEvent> subscriberTraffic(@Argument UUID subscriberId) {
		TenantId tenant = this.tenants.currentTenant();
		Subscriber subscriber = TenantContext.callAs(tenant, () -> this.subscribers.get(subscriberId));
		return this.streams.watch((watcher) -> this.live.watchSubscriber(tenant, subscriber, watcher));
	}

	@SubscriptionMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Flux<TrafficEvent> routerTraffic(@Argument UUID routerId, @Argument("interface") String interfaceName) {
		TenantId tenant = this.tenants.currentTenant();
		Router router = TenantContext.callAs(tenant, () -> this.routers.get(routerId));
		return this.streams.watch((watcher) -> this.live.watch(tenant, router.id(), interfaceName, watcher));
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	TopTalkers topTalkers(@Argument @Nullable UUID routerId, @Argument int count) {
		// not a connection (no cursors): its own argument, bounded like a page
		if (count < 1 || count > 100) {
			throw new InvalidInputException(FieldError.invalid("count", "count must be 1 to 100"));
		}
		return this.snapshots.topTalkers(routerId, count);
	}

	/**
	 * The same ranking pushed each period (ADR 0172), from one shared read per tenant and
	 * router: NOT_FOUND at once for a router that is not the caller's tenant's.
	 */
	@SubscriptionMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Flux<TopTalkers> topTalkersChanged(@Argument @Nullable UUID routerId, @Argument int count) {
		if (count < 1 || count > TopTalkersFeed.MOST) {
			throw new InvalidInputException(FieldError.invalid("count", "count must be 1 to 100"));
		}
		TenantId tenant = this.tenants.currentTenant();
		if (routerId != null) {
			TenantContext.callAs(tenant, () -> this.routers.get(routerId));
		}
		return this.topTalkersFeed.follow(tenant, routerId, count);
	}

	/**
	 * Each router on a virtual thread of its own: a page of routers is read in parallel,
	 * not one router (and its first-read second) after another.
	 */
	@SchemaMapping(typeName = "Router", field = "throughput")
	CompletableFuture<RouterThroughput> throughput(Router router) {
		// the tenant goes along: a router without an earlier read in memory is rated
		// against its trackers' samples, read in the tenant's schema
		TenantId tenant = TenantContext.require();
		return CompletableFuture
			.supplyAsync(() -> TenantContext.callAs(tenant, () -> this.snapshots.throughput(router)), ROUTER_READS);
	}

	@SchemaMapping(typeName = "TopTalkers", field = "unreachableRouters")
	List<Router> unreachableRouters(TopTalkers talkers) {
		return inCallersTenant(() -> this.routers.getAll(talkers.unreachableRouterIds()));
	}

	@BatchMapping(typeName = "TopTalker", field = "router")
	Map<TopTalker, Router> router(List<TopTalker> talkers) {
		Map<UUID, Router> byId = inCallersTenant(
				() -> this.routers.getAll(talkers.stream().map(TopTalker::routerId).distinct().toList()))
			.stream()
			.collect(Collectors.toMap(Router::id, Function.identity()));
		return talkers.stream()
			.filter((talker) -> byId.containsKey(talker.routerId()))
			.collect(Collectors.toMap(Function.identity(), (talker) -> byId.get(talker.routerId())));
	}

	@BatchMapping(typeName = "TopTalker", field = "subscriber")
	Map<TopTalker, Subscriber> subscriber(List<TopTalker> talkers) {
		List<UUID> ids = talkers.stream().map(TopTalker::subscriberId).filter((id) -> id != null).distinct().toList();
		Map<UUID, Subscriber> byId = inCallersTenant(() -> this.records.findAll(ids)).stream()
			.collect(Collectors.toMap(Subscriber::id, Function.identity()));
		return talkers.stream()
			.filter((talker) -> talker.subscriberId() != null && byId.containsKey(talker.subscriberId()))
			.collect(Collectors.toMap(Function.identity(), (talker) -> byId.get(talker.subscriberId())));
	}

	/**
	 * Runs in the caller's tenant: bound already for a query; for a pushed ranking
	 * ({@code topTalkersChanged}) the fields are resolved wherever the element is
	 * delivered, so the tenant is taken from the caller's verified token.
	 */
	private <T> T inCallersTenant(Supplier<T> work) {
		return TenantContext.current().isPresent() ? work.get()
				: TenantContext.callAs(this.tenants.currentTenant(), work);
	}

}
