package io.towerline.api.traffic;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.traffic.TopTalkers;
import io.towerline.core.traffic.TrafficSnapshots;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The live page's top talkers ({@code topTalkersChanged}): one shared ranking per tenant
 * and router each period, however many watch it, each watcher getting the head it asked
 * for. A new watcher gets the last ranking at once, the first watcher as soon as the
 * first read is done; the ranking is read off the subscription's thread (ADR 0172).
 */
@Component
class TopTalkersFeed implements DisposableBean {

	/** The longest ranking a watcher may ask for, and so the one read. */
	static final int MOST = 100;

	private static final Logger log = LoggerFactory.getLogger(TopTalkersFeed.class);

	private final TrafficSnapshots snapshots;

	private final Map<Key, Feed> feeds = new ConcurrentHashMap<>();

	private final ScheduledExecutorService poller;

	private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

	TopTalkersFeed(TrafficSnapshots snapshots, @Value("${towerline.top-talkers.push-period:5s}") Duration period) {
		this.snapshots = snapshots;
		this.poller = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("top-talkers-feed").factory());
		this.poller.scheduleWithFixedDelay(this::poll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The busiest {@code count} sessions now, then again each period, until left. */
	Flux<TopTalkers> follow(TenantId tenant, @Nullable UUID routerId, int count) {
		return Flux.defer(() -> {
			Key key = new Key(tenant, routerId);
			Sinks.Many<TopTalkers> sink = Sinks.many().unicast().onBackpressureBuffer();
			Feed feed = join(key, sink);
			return sink.asFlux().map((talkers) -> head(talkers, count)).doFinally((signal) -> leave(key, feed, sink));
		});
	}

	/** How many tenant-and-router rankings this replica reads now (for tests). */
	int feeds() {
		return this.feeds.size();
	}

	private Feed join(Key key, Sinks.Many<TopTalkers> sink) {
		while (true) {
			Feed feed = this.feeds.computeIfAbsent(key, (k) -> new Feed());
			feed.lock.lock();
			try {
				if (feed.closed) {
					// the last watcher left between the lookup and the lock: take a new
					// one
					continue;
				}
				feed.sinks.add(sink);
				if (feed.last != null) {
					sink.tryEmitNext(feed.last);
				}
				else {
					read(key, feed);
				}
				return feed;
			}
			finally {
				feed.lock.unlock();
			}
		}
	}

	private void leave(Key key, Feed feed, Sinks.Many<TopTalkers> sink) {
		feed.lock.lock();
		try {
			feed.sinks.remove(sink);
			if (feed.sinks.isEmpty()) {
				feed.closed = true;
				this.feeds.remove(key, feed);
			}
		}
		finally {
			feed.lock.unlock();
		}
	}

	private void poll() {
		// a scheduled task that throws is never run again: nothing may escape a poll
		try {
			this.feeds.forEach(this::read);
		}
		catch (Throwable ex) {
			log.error("The top talkers poll failed; next try in one period", ex);
		}
	}

	/**
	 * Ranks on a reader thread of its own, unless the feed's previous read still runs.
	 */
	private void read(Key key, Feed feed) {
		if (!feed.reading.compareAndSet(false, true)) {
			return;
		}
		this.readers.execute(() -> {
			try {
				TopTalkers talkers = TenantContext.callAs(key.tenant(),
						() -> this.snapshots.topTalkers(key.routerId(), MOST));
				// delivered in the tenant: watchers' nested fields (router, subscriber)
				// are read where the element is handed on
				TenantContext.runAs(key.tenant(), () -> publish(feed, talkers));
			}
			catch (RuntimeException ex) {
				log.warn("Ranking the top talkers of tenant {} failed; next try in one period: {}", key.tenant().slug(),
						ex.toString());
			}
			finally {
				feed.reading.set(false);
			}
		});
	}

	private static void publish(Feed feed, TopTalkers talkers) {
		feed.lock.lock();
		try {
			if (!feed.closed) {
				feed.last = talkers;
				feed.sinks.forEach((sink) -> sink.tryEmitNext(talkers));
			}
		}
		finally {
			feed.lock.unlock();
		}
	}

	private static TopTalkers head(TopTalkers talkers, int count) {
		return (talkers.talkers().size() <= count) ? talkers : new TopTalkers(talkers.measuredAt(),
				talkers.talkers().subList(0, count), talkers.unreachableRouterIds());
	}

	@Override
	public void destroy() {
		this.poller.shutdownNow();
		this.readers.shutdownNow();
		this.feeds.values().forEach((feed) -> feed.sinks.forEach(Sinks.Many::tryEmitComplete));
	}

	private record Key(TenantId tenant, @Nullable UUID routerId) {

	}

	/** One tenant-and-router ranking: the last read and who watches it. */
	private static final class Feed {

		private final ReentrantLock lock = new ReentrantLock();

		private final Set<Sinks.Many<TopTalkers>> sinks = ConcurrentHashMap.newKeySet();

		private final AtomicBoolean reading = new AtomicBoolean();

		private @Nullable TopTalkers last;

		private boolean closed;

	}

}
