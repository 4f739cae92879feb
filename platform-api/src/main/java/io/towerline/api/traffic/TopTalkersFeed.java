package io.towerline.api.traffic;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.towerline.api.sharedfeed.SharedFeed;
import io.towerline.api.sharedfeed.SharedFeeds;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.traffic.TopTalkers;
import io.towerline.core.traffic.TrafficSnapshots;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

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

	private final SharedFeeds<Key, Ranking, TopTalkers> feeds = new SharedFeeds<>((key) -> new Ranking());

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
		Key key = new Key(tenant, routerId);
		return this.feeds.follow(key, (feed, sink) -> {
			TopTalkers last = feed.state().last;
			if (last != null) {
				sink.tryEmitNext(last);
			}
			else {
				read(key, feed);
			}
		}).map((talkers) -> head(talkers, count));
	}

	/** How many tenant-and-router rankings this replica reads now (for tests). */
	int feeds() {
		return this.feeds.size();
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
	private void read(Key key, SharedFeed<Ranking, TopTalkers> feed) {
		Ranking ranking = feed.state();
		if (!ranking.reading.compareAndSet(false, true)) {
			return;
		}
		this.readers.execute(() -> {
			try {
				TopTalkers talkers = TenantContext.callAs(key.tenant(),
						() -> this.snapshots.topTalkers(key.routerId(), MOST));
				// delivered in the tenant: watchers' nested fields (router, subscriber)
				// are read where the element is handed on
				TenantContext.runAs(key.tenant(), () -> feed.whileWatched(() -> {
					ranking.last = talkers;
					feed.push(talkers);
				}));
			}
			catch (RuntimeException ex) {
				log.warn("Ranking the top talkers of tenant {} failed; next try in one period: {}", key.tenant().slug(),
						ex.toString());
			}
			finally {
				ranking.reading.set(false);
			}
		});
	}

	private static TopTalkers head(TopTalkers talkers, int count) {
		return (talkers.talkers().size() <= count) ? talkers : new TopTalkers(talkers.measuredAt(),
				talkers.talkers().subList(0, count), talkers.unreachableRouterIds());
	}

	@Override
	public void destroy() {
		this.poller.shutdownNow();
		this.readers.shutdownNow();
		this.feeds.completeAll();
	}

	private record Key(TenantId tenant, @Nullable UUID routerId) {

	}

	/** A tenant-and-router ranking's last read (under the feed's lock). */
	private static final class Ranking {

		private final AtomicBoolean reading = new AtomicBoolean();

		private @Nullable TopTalkers last;

	}

}
