package io.towerline.core.traffic;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.router.Router;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterStream;
import io.towerline.mikrotik.interfaces.Interfaces;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Live traffic of router interfaces, shared: however many watchers one interface has in
 * this replica, the router runs one {@code monitor-traffic} for it, started by the first
 * watcher and cancelled when the last one leaves (ADR 0074). Callers check the tenant's
 * right to the router before they watch; the key includes the tenant anyway.
 */
@Component
public class LiveTraffic implements DisposableBean {

	/** Who opens the shared streams (for many watchers, so none of them). */
	static final Actor ACTOR = Actor.system("live-traffic");

	private final MonitorOpener opener;

	private final TrafficProperties properties;

	private final Clock clock;

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("traffic-retry").factory());

	/** Guarded by itself: joining and leaving are short and must not interleave. */
	private final Map<MonitorKey, SharedMonitor> monitors = new HashMap<>();

	@Autowired
	LiveTraffic(Routers routers, RouterAccess access, TrafficProperties properties, Clock clock) {
		this((key, onSample, onError) -> open(routers, access, clock, key, onSample, onError), properties, clock);
	}

	LiveTraffic(MonitorOpener opener, TrafficProperties properties, Clock clock) {
		this.opener = opener;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Joins the interface's shared stream: {@code watcher} gets the latest event at once
	 * (if there is one), then every reading and interruption until the watch is closed.
	 * {@code watcher} runs on the stream's thread and must not block.
	 */
	public TrafficWatch watch(TenantId tenant, UUID routerId, String interfaceName, Consumer<TrafficEvent> watcher) {
		MonitorKey key = new MonitorKey(tenant, routerId, interfaceName);
		SharedMonitor monitor;
		boolean first;
		synchronized (this.monitors) {
			monitor = this.monitors.get(key);
			first = (monitor == null);
			if (first) {
				monitor = new SharedMonitor(key, this.opener, this.properties, this.timer, this.clock);
				this.monitors.put(key, monitor);
			}
			monitor.add(watcher);
		}
		if (first) {
			monitor.start();
		}
		SharedMonitor joined = monitor;
		return new TrafficWatch(() -> leave(joined, watcher));
	}

	/**
	 * Joins the stream of a subscriber's PPPoE interface ({@code <pppoe-NAME>} on its
	 * router), as {@link #watch}.
	 */
	public TrafficWatch watchSubscriber(TenantId tenant, Subscriber subscriber, Consumer<TrafficEvent> watcher) {
		return watch(tenant, subscriber.routerId(), Interfaces.pppoeName(subscriber.username()), watcher);
	}

	/** Router streams running (or retrying) in this replica. */
	public int streams() {
		synchronized (this.monitors) {
			return this.monitors.size();
		}
	}

	/** Watchers of one interface in this replica. */
	public int watchers(TenantId tenant, UUID routerId, String interfaceName) {
		synchronized (this.monitors) {
			SharedMonitor monitor = this.monitors.get(new MonitorKey(tenant, routerId, interfaceName));
			return (monitor != null) ? monitor.watchers() : 0;
		}
	}

	private void leave(SharedMonitor monitor, Consumer<TrafficEvent> watcher) {
		boolean last;
		synchronized (this.monitors) {
			last = monitor.remove(watcher) == 0;
			if (last) {
				this.monitors.remove(monitor.key(), monitor);
			}
		}
		if (last) {
			monitor.stop();
		}
	}

	private static RouterStream open(Routers routers, RouterAccess access, Clock clock, MonitorKey key,
			Consumer<TrafficSample> onSample, Consumer<RouterException> onError) {
		// opened in the tenant: the stream opening is on record once per shared stream,
		// as
		// a tracker's listen is (ADR 0132, ADR 0188)
		return TenantContext.callAs(key.tenant(), () -> {
			Router router = routers.get(key.routerId());
			return new CommandContext(router.id(), ACTOR, null, key.interfaceName()).call(() -> access.client(router)
				.interfaces()
				.monitor(List.of(key.interfaceName()),
						(reading) -> onSample.accept(new TrafficSample(clock.instant(), reading.rxBitsPerSecond(),
								reading.txBitsPerSecond(), reading.rxPacketsPerSecond(), reading.txPacketsPerSecond())),
						onError));
		});
	}

	@Override
	public void destroy() {
		List<SharedMonitor> running;
		synchronized (this.monitors) {
			running = List.copyOf(this.monitors.values());
			this.monitors.clear();
		}
		running.forEach(SharedMonitor::stop);
		this.timer.shutdownNow();
	}

}
