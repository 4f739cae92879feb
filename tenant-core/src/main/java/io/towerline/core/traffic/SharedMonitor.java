package io.towerline.core.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.towerline.mikrotik.RouterAuthenticationException;
import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one router stream of a watched interface and its watchers. Every reading goes to
 * every watcher; when the stream fails the watchers get a {@link TrafficInterruption} and
 * the stream is started again after a wait (doubling per failure, or the offline recheck
 * when the interface does not exist). A watcher joining late gets the latest event at
 * once, so an offline subscriber is reported immediately, not after the next retry.
 * <p>
 * All state changes and all deliveries happen under one lock, so watchers see events in
 * order and a stale callback of an earlier attempt (older generation) is dropped.
 */
final class SharedMonitor {

	private static final Logger log = LoggerFactory.getLogger(SharedMonitor.class);

	private final MonitorKey key;

	private final MonitorOpener opener;

	private final TrafficProperties properties;

	private final ScheduledExecutorService timer;

	private final Clock clock;

	private final List<Consumer<TrafficEvent>> watchers = new CopyOnWriteArrayList<>();

	private final Object lock = new Object();

	private @Nullable RouterStream stream;

	private @Nullable ScheduledFuture<?> retry;

	private @Nullable TrafficEvent latest;

	private int generation;

	private int failures;

	private boolean stopped;

	SharedMonitor(MonitorKey key, MonitorOpener opener, TrafficProperties properties, ScheduledExecutorService timer,
			Clock clock) {
		this.key = key;
		this.opener = opener;
		this.properties = properties;
		this.timer = timer;
		this.clock = clock;
	}

	MonitorKey key() {
		return this.key;
	}

	void start() {
		int attempt;
		synchronized (this.lock) {
			attempt = this.generation;
		}
		Thread.ofVirtual().name("traffic-monitor").start(() -> attempt(attempt));
	}

	void add(Consumer<TrafficEvent> watcher) {
		synchronized (this.lock) {
			this.watchers.add(watcher);
			TrafficEvent last = this.latest;
			if (last != null) {
				deliver(watcher, last);
			}
		}
	}

	/**
	 * @return the watchers left
	 */
	int remove(Consumer<TrafficEvent> watcher) {
		synchronized (this.lock) {
			this.watchers.remove(watcher);
			return this.watchers.size();
		}
	}

	int watchers() {
		return this.watchers.size();
	}

	/** Stops the router's stream (sends {@code /cancel}) and any pending retry. */
	void stop() {
		RouterStream running;
		synchronized (this.lock) {
			this.stopped = true;
			this.generation++;
			running = this.stream;
			this.stream = null;
			if (this.retry != null) {
				this.retry.cancel(false);
			}
		}
		if (running != null) {
			running.close();
		}
	}

	private void attempt(int attempt) {
		synchronized (this.lock) {
			if (this.stopped || attempt != this.generation) {
				return;
			}
		}
		RouterStream opened;
		try {
			opened = this.opener.open(this.key, (sample) -> sample(attempt, sample), (ex) -> failed(attempt, ex));
		}
		catch (RouterException ex) {
			failed(attempt, ex);
			return;
		}
		catch (RuntimeException ex) {
			// the router record could not be read (deleted, database away): retried like
			// an
			// unreachable router, the watchers are told
			failed(attempt, ex);
			return;
		}
		boolean keep;
		synchronized (this.lock) {
			keep = !this.stopped && attempt == this.generation;
			if (keep) {
				this.stream = opened;
			}
		}
		if (!keep) {
			opened.close();
		}
	}

	private void sample(int attempt, TrafficSample sample) {
		synchronized (this.lock) {
			if (this.stopped || attempt != this.generation) {
				return;
			}
			this.failures = 0;
			publish(sample);
		}
	}

	private void failed(int attempt, RuntimeException failure) {
		synchronized (this.lock) {
			if (this.stopped || attempt != this.generation) {
				return;
			}
			this.generation++;
			this.stream = null;
			TrafficInterruptionReason reason = reason(failure);
			Duration wait = switch (reason) {
				case SUBSCRIBER_OFFLINE, INTERFACE_NOT_FOUND -> this.properties.offlineRecheck();
				default -> backoff(this.failures++);
			};
			Instant now = this.clock.instant();
			publish(new TrafficInterruption(now, reason, message(reason, failure), now.plus(wait)));
			int next = this.generation;
			this.retry = this.timer.schedule(
					() -> Thread.ofVirtual().name("traffic-monitor").start(() -> attempt(next)), wait.toMillis(),
					TimeUnit.MILLISECONDS);
			log.debug("Traffic stream of {} on router {} interrupted ({}), next try in {} ms", this.key.interfaceName(),
					this.key.routerId(), reason, wait.toMillis());
		}
	}

	private Duration backoff(int failuresBefore) {
		long min = this.properties.retryMin().toMillis();
		long max = this.properties.retryMax().toMillis();
		long wait = min << Math.min(failuresBefore, 20);
		return Duration.ofMillis(Math.min(Math.max(wait, min), max));
	}

	private TrafficInterruptionReason reason(RuntimeException failure) {
		if (failure instanceof RouterCommandRejectedException rejected
				&& (rejected.rejection() == RouterCommandRejectedException.Rejection.INVALID_VALUE
						|| rejected.rejection() == RouterCommandRejectedException.Rejection.NO_SUCH_ITEM)) {
			return this.key.isPppoe() ? TrafficInterruptionReason.SUBSCRIBER_OFFLINE
					: TrafficInterruptionReason.INTERFACE_NOT_FOUND;
		}
		if (failure instanceof RouterAuthenticationException) {
			return TrafficInterruptionReason.ROUTER_AUTH_FAILED;
		}
		return TrafficInterruptionReason.ROUTER_UNREACHABLE;
	}

	private static String message(TrafficInterruptionReason reason, RuntimeException failure) {
		return switch (reason) {
			case SUBSCRIBER_OFFLINE -> "The subscriber is not online (no PPPoE session on its router)";
			case INTERFACE_NOT_FOUND -> "The router has no such interface";
			case ROUTER_AUTH_FAILED -> "The router refused the stored credentials";
			case ROUTER_UNREACHABLE -> "The router cannot be reached right now (" + failure.getMessage() + ")";
		};
	}

	private void publish(TrafficEvent event) {
		this.latest = event;
		for (Consumer<TrafficEvent> watcher : this.watchers) {
			deliver(watcher, event);
		}
	}

	private void deliver(Consumer<TrafficEvent> watcher, TrafficEvent event) {
		try {
			watcher.accept(event);
		}
		catch (RuntimeException ex) {
			log.warn("A traffic watcher of {} threw {}; the others go on", this.key.interfaceName(), ex.toString());
		}
	}

}
