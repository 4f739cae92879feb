package io.towerline.core.traffic;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.router.Router;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.Routers;
import io.towerline.core.session.OnlineSession;
import io.towerline.core.session.OnlineSessions;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberRecords;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.usage.Counters;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.interfaces.Interfaces;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Dashboard snapshots of the current tenant's traffic, from the {@code <pppoe-NAME>}
 * interface counters: one {@code /interface/print ?type=pppoe-in} per router and read,
 * the rates being the counters' movement since the router's previous read (ADR 0075), or,
 * with none kept in memory, since the session trackers' last samples (ADR 0171): a
 * request never waits for a second read. Reads younger than {@code snapshot-reuse} are
 * shared, so any number of dashboards cost a router at most one command per that period.
 */
@Service
public class TrafficSnapshots {

	private static final String PPPOE_TYPE = "pppoe-in";

	/** Who reads the counters, should a read ever be recorded. */
	static final Actor ACTOR = Actor.system("traffic-snapshots");

	private final Routers routers;

	private final RouterAccess access;

	private final SubscriberRecords subscribers;

	private final TrafficProperties properties;

	private final OnlineSessions sessions;

	private final Clock clock;

	private final Map<UUID, RouterReadings> readings = new ConcurrentHashMap<>();

	TrafficSnapshots(Routers routers, RouterAccess access, SubscriberRecords subscribers, TrafficProperties properties,
			OnlineSessions sessions, Clock clock) {
		this.sessions = sessions;
		this.routers = routers;
		this.access = access;
		this.subscribers = subscribers;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The router's subscriber traffic now.
	 * @throws DomainException ROUTER_UNREACHABLE when the router cannot be read
	 */
	public RouterThroughput throughput(UUID routerId) {
		return throughput(this.routers.get(routerId));
	}

	/**
	 * The subscriber traffic of a router already read in the caller's tenant; safe to run
	 * for many routers at once.
	 * @throws DomainException ROUTER_UNREACHABLE when the router cannot be read
	 */
	public RouterThroughput throughput(Router router) {
		return RouterThroughput.of(router.id(), rates(router, TenantContext.require()));
	}

	/**
	 * The {@code first} busiest sessions now, on one router or (routerId null) on all the
	 * tenant's routers, read in parallel; routers that cannot be read are named, not
	 * fatal.
	 */
	public TopTalkers topTalkers(@Nullable UUID routerId, int first) {
		TenantId tenant = TenantContext.require();
		List<Router> asked = (routerId != null) ? List.of(this.routers.get(routerId))
				: this.routers.getAll(List.copyOf(this.routers.idsByName().values()));
		Map<UUID, InterfaceRates> read = new HashMap<>();
		List<UUID> unreachable = new ArrayList<>();
		try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
			Map<UUID, Future<InterfaceRates>> pending = new HashMap<>();
			asked.forEach((router) -> pending.put(router.id(), readers.submit(() -> rates(router, tenant))));
			pending.forEach((id, future) -> {
				try {
					read.put(id, future.get());
				}
				catch (ExecutionException ex) {
					unreachable.add(id);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					unreachable.add(id);
				}
			});
		}
		List<TopTalker> ranked = new ArrayList<>();
		read.forEach((id, rates) -> rates.rates()
			.stream()
			.filter((rate) -> rate.name().startsWith("<pppoe-") && rate.name().endsWith(">"))
			.forEach((rate) -> ranked.add(new TopTalker(id, rate.username(), null, rate.rxBitsPerSecond(),
					rate.txBitsPerSecond(), rate.rxPacketsPerSecond(), rate.txPacketsPerSecond()))));
		List<TopTalker> top = ranked.stream()
			.sorted(Comparator.comparingLong(TopTalker::totalBitsPerSecond).reversed())
			.limit(Math.max(0, first))
			.toList();
		Instant measuredAt = read.values()
			.stream()
			.map(InterfaceRates::measuredAt)
			.max(Comparator.naturalOrder())
			.orElse(this.clock.instant());
		return new TopTalkers(measuredAt, withSubscribers(top), unreachable);
	}

	private List<TopTalker> withSubscribers(List<TopTalker> talkers) {
		Map<String, Subscriber> byUsername = new HashMap<>();
		this.subscribers.byUsernames(talkers.stream().map(TopTalker::username).distinct().toList())
			.forEach((subscriber) -> byUsername.put(subscriber.username(), subscriber));
		return talkers.stream().map((talker) -> {
			Subscriber subscriber = byUsername.get(talker.username());
			UUID subscriberId = (subscriber != null && subscriber.routerId().equals(talker.routerId()))
					? subscriber.id() : null;
			return new TopTalker(talker.routerId(), talker.username(), subscriberId, talker.rxBitsPerSecond(),
					talker.txBitsPerSecond(), talker.rxPacketsPerSecond(), talker.txPacketsPerSecond());
		}).toList();
	}

	/**
	 * The router's rates now, read in the router's tenant (on whatever thread) as routine
	 * monitoring: the counter read is not audited one by one (ADR 0132, ADR 0188).
	 */
	private InterfaceRates rates(Router router, TenantId tenant) {
		return TenantContext.callAs(tenant,
				() -> new CommandContext(router.id(), ACTOR, null, null).callRoutineReads(() -> ratesInTenant(router)));
	}

	/**
	 * One read, compared with the previous one kept in memory or, when there is none
	 * young enough, with the trackers' last samples of its sessions.
	 */
	private InterfaceRates ratesInTenant(Router router) {
		RouterReadings state = this.readings.computeIfAbsent(router.id(), (id) -> new RouterReadings());
		synchronized (state) {
			long now = System.nanoTime();
			if (state.latest != null && state.rates != null
					&& now - state.latest.nanos() < this.properties.snapshotReuse().toNanos()) {
				return state.rates;
			}
			CounterReading earlier = state.latest;
			CounterReading current = read(router);
			InterfaceRates rates = (earlier != null
					&& current.nanos() - earlier.nanos() <= this.properties.snapshotWindowMax().toNanos())
							? current.ratesSince(earlier) : current.ratesSince(trackerSamples(router));
			state.latest = current;
			state.rates = rates;
			return rates;
		}
	}

	/**
	 * The session trackers' last counter samples of the router's sessions, by interface
	 * name; a session not sampled yet counted nothing at its login.
	 */
	private Map<String, CounterSample> trackerSamples(Router router) {
		Map<String, CounterSample> samples = new HashMap<>();
		for (OnlineSession session : this.sessions.ofRouter(router.id())) {
			Instant at = session.countersAt();
			samples.putIfAbsent(Interfaces.pppoeName(session.username()), (at != null)
					? new CounterSample(session.counters(), at) : new CounterSample(Counters.ZERO, session.loginAt()));
		}
		return samples;
	}

	private CounterReading read(Router router) {
		try {
			return CounterReading.of(System.nanoTime(), this.clock.instant(),
					this.access.client(router).interfaces().listOfType(PPPOE_TYPE));
		}
		catch (RouterException ex) {
			throw new DomainException(ErrorCode.ROUTER_UNREACHABLE,
					"The router '" + router.name() + "' cannot be read right now (" + ex.code() + ")");
		}
	}

	/** A router's latest counter reading and the rates computed with it. */
	private static final class RouterReadings {

		@Nullable CounterReading latest;

		@Nullable InterfaceRates rates;

	}

}
