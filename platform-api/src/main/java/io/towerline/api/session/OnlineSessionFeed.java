package io.towerline.api.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.towerline.api.sharedfeed.SharedFeed;
import io.towerline.api.sharedfeed.SharedFeeds;
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

	private final SharedFeeds<Key, Rows, OnlineSessionBatch> feeds = new SharedFeeds<>((key) -> new Rows());

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
		Key key = new Key(tenant, filter);
		return this.feeds.follow(key, (feed, sink) -> {
			Rows rows = feed.state();
			Map<UUID, LiveSession> last = (rows.last != null) ? rows.last : rows.take(read(key, Map.of()));
			List<LiveSession> online = new ArrayList<>(last.values());
			sink.tryEmitNext(new OnlineSessionBatch(true, rows.truncated, online, List.of()));
		});
	}

	/** How many tenant-and-filter feeds this replica reads now (for tests). */
	int feeds() {
		return this.feeds.size();
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

	private void poll(Key key, SharedFeed<Rows, OnlineSessionBatch> feed) {
		try {
			feed.whileWatched(() -> {
				Rows rows = feed.state();
				Map<UUID, LiveSession> last = rows.last;
				if (last == null) {
					return;
				}
				Map<UUID, LiveSession> now = rows.take(read(key, last));
				List<LiveSession> started = now.values().stream().filter((row) -> !last.containsKey(row.id())).toList();
				List<UUID> ended = last.keySet().stream().filter((id) -> !now.containsKey(id)).toList();
				OnlineSessionBatch batch = new OnlineSessionBatch(false, rows.truncated, started, ended);
				if (!batch.isEmpty()) {
					feed.push(batch);
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("Reading the online sessions of tenant {} failed; next try in one period: {}", key.tenant().slug(),
					ex.toString());
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
		this.feeds.completeAll();
	}

	private record Key(TenantId tenant, OnlineSessionFilter filter) {

	}

	private record Read(Map<UUID, LiveSession> rows, boolean truncated) {

	}

	/** A tenant-and-filter feed's rows at the last read (under the feed's lock). */
	private static final class Rows {

		private @Nullable Map<UUID, LiveSession> last;

		private boolean truncated;

		Map<UUID, LiveSession> take(Read read) {
			this.last = read.rows();
			this.truncated = read.truncated();
			return read.rows();
		}

	}

}
