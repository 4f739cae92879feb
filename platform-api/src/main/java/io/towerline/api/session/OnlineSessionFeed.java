package io.towerline.api.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.core.session.OnlineSession;
import io.towerline.core.session.OnlineSessionFilter;
import io.towerline.core.session.OnlineSessionOrder;
import io.towerline.core.session.OnlineSessions;
import io.towerline.core.subscriber.Subscriber;
import io.towerline.core.subscriber.SubscriberRecords;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The live table's feed ({@code onlineSessionsFeed}): one shared read of the online table
 * per tenant and filter each period, however many watch it, diffed against the last read;
 * a new watcher gets the last read as its snapshot under the same lock the diff is pushed
 * under, so it neither misses nor repeats a change. The table is the truth whichever
 * replica's tracker wrote it (ADR 0150).
 */
@Component
class OnlineSessionFeed implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OnlineSessionFeed.class);

	private final OnlineSessions sessions;

	private final SubscriberRecords subscribers;

	private final int limit;

	private final Map<Key, Feed> feeds = new ConcurrentHashMap<>();

	private final ScheduledExecutorService poller;

	OnlineSessionFeed(OnlineSessions sessions, SubscriberRecords subscribers,
			@Value("${towerline.live-sessions.poll-period:500ms}") Duration period,
			@Value("${towerline.live-sessions.snapshot-limit:20000}") int limit) {
		this.sessions = sessions;
		this.subscribers = subscribers;
		this.limit = limit;
		this.poller = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("session-feed").factory());
		this.poller.scheduleWithFixedDelay(this::poll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** A snapshot, then the changes, until the subscriber leaves. */
	Flux<OnlineSessionBatch> follow(TenantId tenant, OnlineSessionFilter filter) {
		return Flux.defer(() -> {
			Key key = new Key(tenant, filter);
			Sinks.Many<OnlineSessionBatch> sink = Sinks.many().unicast().onBackpressureBuffer();
			Feed feed = join(key, sink);
			return sink.asFlux().doFinally((signal) -> leave(key, feed, sink));
		});
	}

	/** How many tenant-and-filter feeds this replica reads now (for tests). */
	int feeds() {
		return this.feeds.size();
	}

	private Feed join(Key key, Sinks.Many<OnlineSessionBatch> sink) {
		while (true) {
			Feed feed = this.feeds.computeIfAbsent(key, (k) -> new Feed());
			feed.lock.lock();
			try {
				if (feed.closed) {
					// the last watcher left between the lookup and the lock: take a new
					// one
					continue;
				}
				if (feed.last == null) {
					feed.take(read(key, Map.of()));
				}
				List<LiveSession> online = new ArrayList<>(feed.last.values());
				sink.tryEmitNext(new OnlineSessionBatch(true, feed.truncated, online, List.of()));
				feed.sinks.add(sink);
				return feed;
			}
			finally {
				feed.lock.unlock();
			}
		}
	}

	private void leave(Key key, Feed feed, Sinks.Many<OnlineSessionBatch> sink) {
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

	void poll() {
		// a scheduled task that throws is never run again: nothing may escape a poll
		try {
			this.feeds.forEach(this::poll);
		}
		catch (Throwable ex) {
			log.error("The online session feed poll failed; next try in one period", ex);
		}
	}

	private void poll(Key key, Feed feed) {
		feed.lock.lock();
		try {
			if (feed.closed || feed.last == null) {
				return;
			}
			Map<UUID, LiveSession> last = feed.last;
			Map<UUID, LiveSession> now = feed.take(read(key, last));
			List<LiveSession> started = now.values().stream().filter((row) -> !last.containsKey(row.id())).toList();
			List<UUID> ended = last.keySet().stream().filter((id) -> !now.containsKey(id)).toList();
			OnlineSessionBatch batch = new OnlineSessionBatch(false, feed.truncated, started, ended);
			if (!batch.isEmpty()) {
				feed.sinks.forEach((sink) -> sink.tryEmitNext(batch));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Reading the online sessions of tenant {} failed; next try in one period: {}", key.tenant().slug(),
					ex.toString());
		}
		finally {
			feed.lock.unlock();
		}
	}

	/**
	 * The sessions online now, newest login first, keeping the rows already known (their
	 * plan was looked up when they came up).
	 */
	private Read read(Key key, Map<UUID, LiveSession> known) {
		return TenantContext.callAs(key.tenant(), () -> {
			List<OnlineSession> online = this.sessions.list(key.filter(), OnlineSessionOrder.LOGIN_NEWEST, null,
					this.limit + 1);
			List<OnlineSession> kept = (online.size() > this.limit) ? online.subList(0, this.limit) : online;
			Map<UUID, UUID> plans = plansOf(kept.stream()
				.filter((session) -> !known.containsKey(session.id()) && session.subscriberId() != null)
				.map(OnlineSession::subscriberId)
				.distinct()
				.toList());
			Map<UUID, LiveSession> rows = new LinkedHashMap<>();
			for (OnlineSession session : kept) {
				LiveSession row = known.get(session.id());
				rows.put(session.id(), (row != null) ? row : LiveSession.of(session,
						(session.subscriberId() != null) ? plans.get(session.subscriberId()) : null));
			}
			return new Read(rows, online.size() > this.limit);
		});
	}

	private Map<UUID, UUID> plansOf(List<UUID> subscriberIds) {
		if (subscriberIds.isEmpty()) {
			return Map.of();
		}
		return this.subscribers.findAll(subscriberIds)
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Subscriber::planId, (a, b) -> a));
	}

	@Override
	public void destroy() {
		this.poller.shutdownNow();
		this.feeds.values().forEach((feed) -> feed.sinks.forEach(Sinks.Many::tryEmitComplete));
	}

	private record Key(TenantId tenant, OnlineSessionFilter filter) {

	}

	private record Read(Map<UUID, LiveSession> rows, boolean truncated) {

	}

	/** One tenant-and-filter feed: the rows at the last read and who watches them. */
	private static final class Feed {

		private final ReentrantLock lock = new ReentrantLock();

		private final Set<Sinks.Many<OnlineSessionBatch>> sinks = ConcurrentHashMap.newKeySet();

		private @Nullable Map<UUID, LiveSession> last;

		private boolean truncated;

		private boolean closed;

		Map<UUID, LiveSession> take(Read read) {
			this.last = read.rows();
			this.truncated = read.truncated();
			return read.rows();
		}

	}

}
